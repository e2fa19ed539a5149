using ChampionPortal.Web.Data;
using ChampionPortal.Web.Domain;
using ChampionPortal.Web.Features.Events;
using ChampionPortal.Web.Infrastructure.Auth;
using ChampionPortal.Web.Infrastructure.Localization;
using ChampionPortal.Web.Infrastructure.Tabular;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace ChampionPortal.Web.Features.Funnel;

/// <summary>
/// The cohort's funnel from nomination to eligibility. Whatever the cohort's size it reads the same few set-based
/// queries (one per source of facts) and counts distinct people, local governments and countries in memory.
/// A person's local government is the one represented at each stage: the nomination's for nomination and
/// invitation, the attendance record's for the events.
/// </summary>
public sealed class FunnelService(PortalDbContext db, EventService events, Eligibility.EligibilityService eligibility, IStringLocalizer<FunnelResources> text)
{
    public async Task<FunnelPage?> BuildAsync(int? cohortId, CountryScope scope, CancellationToken cancellationToken = default)
    {
        var cohorts = await events.CohortOptionsAsync(cancellationToken);
        var cohort = cohortId is { } id ? cohorts.FirstOrDefault(c => c.Id == id) : cohorts.FirstOrDefault();
        if (cohort is null)
        {
            return null;
        }

        var sessions = await db.Sessions.AsNoTracking().Where(s => s.CohortId == cohort.Id)
            .OrderBy(s => s.Event!.Kind).ThenBy(s => s.EventId).ThenBy(s => s.StartsAtUtc)
            .Select(s => new { s.Id, s.Code, s.Title, s.EventId, EventName = s.Event!.Name }).ToListAsync(cancellationToken);

        var nominations = await scope.Apply(db.Nominations.AsNoTracking())
            .Where(n => n.CohortId == cohort.Id && n.Status != NominationStatus.Draft)
            .Select(n => new
            {
                n.Status,
                Fact = new StageFact(n.AuthorityId, n.LocalGovernmentId, n.LocalGovernmentId == null ? null : n.LocalGovernment!.Kind, n.CountryCode, n.Authority!.Gender),
            })
            .ToListAsync(cancellationToken);

        var invitations = await scope.Apply(db.Invitations.AsNoTracking())
            .Where(i => i.CohortId == cohort.Id && i.Status != InvitationStatus.Revoked)
            .Join(db.Nominations, i => i.NominationId, n => n.Id, (i, n) => new
            {
                i.Status,
                Fact = new StageFact(i.AuthorityId, n.LocalGovernmentId, n.LocalGovernmentId == null ? null : n.LocalGovernment!.Kind, i.CountryCode, i.Authority!.Gender),
            })
            .ToListAsync(cancellationToken);

        var attendance = await scope.Apply(db.Attendances.AsNoTracking())
            .Where(a => a.CohortId == cohort.Id && a.Status == AttendanceStatus.Present)
            .Select(a => new
            {
                a.SessionId,
                Fact = new StageFact(a.AuthorityId, a.LocalGovernmentId, a.LocalGovernmentId == null ? null : a.LocalGovernment!.Kind, a.CountryCode, a.Authority!.Gender),
            })
            .ToListAsync(cancellationToken);

        var countryNames = await db.Countries.AsNoTracking().ToDictionaryAsync(c => c.Code, c => PortalCultures.Pick(c.NameEn, c.NameEs, c.NamePt), cancellationToken);

        // Stages in their order, each with the facts of who reached it.
        var stages = new List<(StageKind Kind, string? Name, IReadOnlyList<StageFact> Facts)>
        {
            (StageKind.Nominated, null, [.. nominations.Select(n => n.Fact)]),
            (StageKind.Approved, null, [.. nominations.Where(n => n.Status == NominationStatus.Approved).Select(n => n.Fact)]),
            (StageKind.Invited, null, [.. invitations.Select(i => i.Fact)]),
            (StageKind.Accepted, null, [.. invitations.Where(i => i.Status == InvitationStatus.Accepted).Select(i => i.Fact)]),
        };
        var bySession = attendance.ToLookup(a => a.SessionId, a => a.Fact);
        var eventFacts = new List<IReadOnlyList<StageFact>>();
        foreach (var byEvent in sessions.GroupBy(s => s.EventId))
        {
            var facts = byEvent.SelectMany(s => bySession[s.Id]).ToList();
            eventFacts.Add(facts);
            stages.Add((StageKind.Event, byEvent.First().EventName, facts));
            stages.AddRange(byEvent.Select(s => (StageKind.Session, (string?)$"{s.Code} — {s.Title}", (IReadOnlyList<StageFact>)[.. bySession[s.Id]])));
        }

        // Eligible: the cohort's recognition rules (and exceptions), counted at the local governments represented.
        var eligiblePeople = (await eligibility.EvaluateAsync(cohort.Id, cancellationToken))!.People.Where(p => p.Eligible).Select(p => p.AuthorityId).ToHashSet();
        stages.Add((StageKind.Eligible, null, [.. eventFacts.SelectMany(f => f).Where(f => eligiblePeople.Contains(f.AuthorityId))]));

        var certified = await scope.Apply(db.Certificates.AsNoTracking())
            .Where(c => c.CohortId == cohort.Id && c.Kind == CertificateKind.Person && c.Status == CertificateStatus.Valid && c.AuthorityId != null)
            .Join(db.Authorities, c => c.AuthorityId, a => a.Id, (c, a) => new StageFact(a.Id, c.LocalGovernmentId, null, c.CountryCode, a.Gender))
            .ToListAsync(cancellationToken);
        stages.Add((StageKind.Certified, null, certified));

        var funnel = stages.Select(s => new FunnelStage(s.Kind, s.Name, People(s.Facts), Governments(s.Facts), s.Facts.Select(f => f.CountryCode).Distinct().Count())).ToList();
        var main = stages.Where(s => s.Kind != StageKind.Session).ToList();
        var countries = main.SelectMany(s => s.Facts).Select(f => f.CountryCode).Distinct()
            .Select(code => new FunnelCountryRow(
                code,
                countryNames.GetValueOrDefault(code, code),
                [.. main.Select(s => s.Facts.Where(f => f.CountryCode == code).ToList()).Select(f => new StageCount(People(f), Governments(f)))]))
            .OrderBy(c => c.CountryName, StringComparer.CurrentCulture)
            .ToList();
        var byKind = Enum.GetValues<LocalGovernmentKind>()
            .Select(kind => new FunnelBreakdownRow(kind.ToString(), [.. main.Select(s => Governments(s.Facts.Where(f => f.Kind == kind)))]))
            .ToList();
        var byGender = Enum.GetValues<GenderCategory>()
            .Select(gender => new FunnelBreakdownRow(gender.ToString(), [.. main.Select(s => People(s.Facts.Where(f => f.Gender == gender)))]))
            .ToList();
        return new FunnelPage(cohort.Id, cohort.Name, cohorts, scope.OnlyCountry, funnel, countries, byKind, byGender);
    }

    public string StageLabel(FunnelStage stage) => stage.Name ?? text["Stage_" + stage.Kind];

    /// <summary>One of the dashboard's tables as the page shows it, with headers in the reader's language.</summary>
    public Table ToTable(FunnelPage page, FunnelTable table)
    {
        var main = page.MainStages;
        return table switch
        {
            FunnelTable.Countries => new Table(
                [text["Column_Country"], .. main.SelectMany(s => new[] { $"{StageLabel(s)} — {text["Column_People"]}", $"{StageLabel(s)} — {text["Column_LocalGovernments"]}" })],
                [.. page.Countries.Select(c => (IReadOnlyList<string?>)[c.CountryName, .. c.Stages.SelectMany(s => new[] { Number(s.People), Number(s.LocalGovernments) })])]),
            FunnelTable.Kinds => Breakdown(text["Column_Kind"], page.ByKind, main, key => text["Kind_" + key]),
            FunnelTable.Genders => Breakdown(text["Column_Gender"], page.ByGender, main, key => text["Gender_" + key]),
            _ => new Table(
                [text["Column_Stage"], text["Column_People"], text["Column_LocalGovernments"], text["Column_Countries"]],
                [.. page.Stages.Select(s => (IReadOnlyList<string?>)[StageLabel(s), Number(s.People), Number(s.LocalGovernments), Number(s.Countries)])]),
        };
    }

    private Table Breakdown(string firstColumn, IReadOnlyList<FunnelBreakdownRow> rows, IReadOnlyList<FunnelStage> stages, Func<string, string> label) => new(
        [firstColumn, .. stages.Select(StageLabel)],
        [.. rows.Select(r => (IReadOnlyList<string?>)[label(r.Key), .. r.Counts.Select(Number)])]);

    private static string Number(int value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static int People(IEnumerable<StageFact> facts) => facts.Select(f => f.AuthorityId).Distinct().Count();

    private static int Governments(IEnumerable<StageFact> facts) => facts.Where(f => f.LocalGovernmentId is not null).Select(f => f.LocalGovernmentId).Distinct().Count();
}
