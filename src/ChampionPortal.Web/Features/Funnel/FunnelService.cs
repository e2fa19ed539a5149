using System.Security.Claims;
using ChampionPortal.Web.Data;
using ChampionPortal.Web.Domain;
using ChampionPortal.Web.Features.Certificates;
using ChampionPortal.Web.Features.Events;
using ChampionPortal.Web.Features.Shared;
using ChampionPortal.Web.Infrastructure.Auth;
using ChampionPortal.Web.Infrastructure.Localization;
using ChampionPortal.Web.Infrastructure.Tabular;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace ChampionPortal.Web.Features.Funnel;

/// <summary>
/// The cohort's funnel from nomination to eligibility. Every figure is a grouped SQL aggregate (distinct people,
/// local governments and countries) over the facts of who reached each stage, so the page reads a constant number
/// of result rows whatever the cohort's size. A person's local government is the one represented at each stage: the
/// nomination's for nomination and invitation, the attendance record's for the events. The figures are computed once
/// per change to the cohort (see <see cref="KeptCohortFigures{TFigures}"/>): at 100,000 people that takes seconds, while
/// showing kept figures costs four small reads whatever the size.
/// </summary>
public sealed class FunnelService(
    PortalDbContext db, CohortInFocus focus, Eligibility.EligibilityService eligibility, KeptCohortFigures<FunnelFigures> cache,
    IServiceScopeFactory scopes, IStringLocalizer<FunnelResources> text)
{
    public async Task<FunnelPage?> BuildAsync(ClaimsPrincipal user, int? cohortId, CancellationToken cancellationToken = default)
    {
        if (await focus.ChooseAsync(user, cohortId, CohortContent.Invitations, cancellationToken) is not { Cohort: var cohort, Options: var cohorts })
        {
            return null;
        }

        var scope = user.CountryScope();

        // Read before anything the figures are computed from, so that they are never older than the version they are kept under.
        var version = await db.Cohorts.AsNoTracking().Where(c => c.Id == cohort.Id).Select(c => c.FiguresVersion).SingleAsync(cancellationToken);
        var sessions = await db.Sessions.AsNoTracking().Where(s => s.CohortId == cohort.Id)
            .OrderBy(s => s.Event!.Kind).ThenBy(s => s.EventId).ThenBy(s => s.StartsAtUtc)
            .Select(s => new { s.Id, s.Code, Title = PortalCultures.Pick(s.Title, s.TitleEs, s.TitlePt), s.EventId, EventName = PortalCultures.Pick(s.Event!.Name, s.Event.NameEs, s.Event.NamePt), EventKind = s.Event.Kind }).ToListAsync(cancellationToken);
        var figures = await cache.GetAsync(
            cohort.Id, scope.OnlyCountry, version,
            services => services.GetRequiredService<FunnelService>().FiguresAsync(cohort.Id, [.. sessions.Select(s => (s.Id, s.EventKind))], scope), cancellationToken);
        var countryNames = await db.Countries.AsNoTracking().ToDictionaryAsync(c => c.Code, c => PortalCultures.Pick(c.NameEn, c.NameEs, c.NamePt), cancellationToken);

        // Stages in their order; events and their sessions where the cohort has them.
        var stages = new List<(StageKind Kind, int Key, string? Name)>
        {
            (StageKind.Nominated, 0, null), (StageKind.Approved, 0, null), (StageKind.Invited, 0, null), (StageKind.Accepted, 0, null),
        };
        foreach (var byEvent in sessions.GroupBy(s => s.EventId))
        {
            stages.Add((StageKind.Event, byEvent.Key, byEvent.First().EventName));
            stages.AddRange(byEvent.Select(s => (StageKind.Session, s.Id, (string?)$"{s.Code} — {s.Title}")));
        }

        stages.Add((StageKind.Eligible, 0, EligibleLabel(await eligibility.RulesAsync(cohort.Id, cancellationToken))));
        stages.Add((StageKind.Certified, 0, null));

        var funnel = stages.Select(s => figures.Stages.TryGetValue(((int)s.Kind, s.Key), out var c)
            ? new FunnelStage(s.Kind, s.Name, c.People, c.LocalGovernments, c.Countries)
            : new FunnelStage(s.Kind, s.Name, 0, 0, 0)).ToList();
        var mainStages = stages.Where(s => s.Kind != StageKind.Session).Select(s => ((int)s.Kind, s.Key)).ToList();
        var byCountry = figures.Countries.ToLookup(c => c.CountryCode);
        var countries = byCountry
            .Select(rows => new FunnelCountryRow(
                rows.Key,
                countryNames.GetValueOrDefault(rows.Key, rows.Key),
                [.. mainStages.Select(stage => rows.FirstOrDefault(r => r.Stage == stage.Item1 && r.Key == stage.Key) is { } r ? new StageCount(r.People, r.LocalGovernments) : new StageCount(0, 0))]))
            .OrderBy(c => c.CountryName, StringComparer.CurrentCulture)
            .ToList();
        var byKind = Enum.GetValues<LocalGovernmentKind>()
            .Select(kind => new FunnelBreakdownRow(kind.ToString(), [.. mainStages.Select(stage => figures.Kinds.GetValueOrDefault((stage.Item1, stage.Key, kind)))]))
            .ToList();
        var byGender = Enum.GetValues<GenderCategory>()
            .Select(gender => new FunnelBreakdownRow(gender.ToString(), [.. mainStages.Select(stage => figures.Genders.GetValueOrDefault((stage.Item1, stage.Key, gender)))]))
            .ToList();
        return new FunnelPage(cohort.Id, cohort.Name, cohorts, scope.OnlyCountry, funnel, countries, byKind, byGender);
    }

    /// <summary>Every count of the funnel, grouped in the database over the facts of who reached each stage.</summary>
    private async Task<FunnelFigures> FiguresAsync(int cohortId, IReadOnlyList<(int Id, EventKind Kind)> sessions, CountryScope scope)
    {
        // Not cancelled with the request that started it: others may be waiting for these figures (see KeptCohortFigures).
        var cancellationToken = CancellationToken.None;

        // Read once, as a list the database receives with each grouping: as a subquery every grouping evaluated it
        // again (a grouping of all of the cohort's attendance).
        var eligible = await (await eligibility.EligiblePeopleAsync(cohortId, sessions, cancellationToken)).ToListAsync(cancellationToken);

        // The four groupings run at once, each on a context and a connection of its own: each reads every stage's
        // facts (a million rows at 100,000 people), and one after the other they kept the first reader of the
        // dashboard after a change waiting for the sum of them.
        var stages = OnContextOfItsOwnAsync(async db => (await Facts(db, cohortId, scope, eligible).All.GroupBy(f => new { f.Stage, f.Key })
            .Select(g => new
            {
                g.Key.Stage,
                g.Key.Key,
                People = g.Where(f => f.AuthorityId != null).Select(f => f.AuthorityId).Distinct().Count(),
                Governments = g.Where(f => f.LocalGovernmentId != null).Select(f => f.LocalGovernmentId).Distinct().Count(),
                Countries = g.Select(f => f.CountryCode).Distinct().Count(),
            }).ToListAsync(cancellationToken))
            .ToDictionary(c => (c.Stage, c.Key), c => (c.People, c.Governments, c.Countries)));
        var countries = OnContextOfItsOwnAsync(db => Facts(db, cohortId, scope, eligible).Main.GroupBy(f => new { f.Stage, f.Key, f.CountryCode })
            .Select(g => new StageCountryCount(
                g.Key.Stage,
                g.Key.Key,
                g.Key.CountryCode,
                g.Where(f => f.AuthorityId != null).Select(f => f.AuthorityId).Distinct().Count(),
                g.Where(f => f.LocalGovernmentId != null).Select(f => f.LocalGovernmentId).Distinct().Count()))
            .ToListAsync(cancellationToken));
        var kinds = OnContextOfItsOwnAsync(async db => (await Facts(db, cohortId, scope, eligible).Main
            .Where(f => f.GovernmentKind != null && f.LocalGovernmentId != null).GroupBy(f => new { f.Stage, f.Key, f.GovernmentKind })
            .Select(g => new { g.Key.Stage, g.Key.Key, g.Key.GovernmentKind, Governments = g.Select(f => f.LocalGovernmentId).Distinct().Count() })
            .ToListAsync(cancellationToken))
            .ToDictionary(c => (c.Stage, c.Key, c.GovernmentKind!.Value), c => c.Governments));
        var genders = OnContextOfItsOwnAsync(async db => (await Facts(db, cohortId, scope, eligible).Main.Where(f => f.AuthorityId != null).GroupBy(f => new { f.Stage, f.Key, f.Gender })
            .Select(g => new { g.Key.Stage, g.Key.Key, g.Key.Gender, People = g.Select(f => f.AuthorityId).Distinct().Count() })
            .ToListAsync(cancellationToken))
            .ToDictionary(c => (c.Stage, c.Key, c.Gender!.Value), c => c.People));
        await Task.WhenAll(stages, countries, kinds, genders);
        return new FunnelFigures(await stages, await countries, await kinds, await genders);
    }

    private async Task<T> OnContextOfItsOwnAsync<T>(Func<PortalDbContext, Task<T>> read)
    {
        await using var services = scopes.CreateAsyncScope();
        return await read(services.ServiceProvider.GetRequiredService<PortalDbContext>());
    }

    /// <summary>
    /// Who reached each stage, as one query of facts (a union of one part per source) for the main stages and one
    /// that adds the sessions; neither is read: the figures are grouped over them in the database.
    /// </summary>
    private static (IQueryable<StageFact> Main, IQueryable<StageFact> All) Facts(PortalDbContext db, int cohortId, CountryScope scope, List<int> eligible)
    {
        var nominations = scope.Apply(db.Nominations.AsNoTracking()).Where(n => n.CohortId == cohortId && n.Status != NominationStatus.Draft);
        var invitations = scope.Apply(db.Invitations.AsNoTracking()).Where(i => i.CohortId == cohortId && i.Status != InvitationStatus.Revoked);
        var present = scope.Apply(db.Attendances.AsNoTracking()).Where(a => a.CohortId == cohortId && a.Status == AttendanceStatus.Present);

        IQueryable<StageFact> Nominated(IQueryable<Nomination> source, StageKind stage) => source.Select(n => new StageFact
        {
            Stage = (int)stage,
            Key = 0,
            AuthorityId = n.AuthorityId,
            LocalGovernmentId = n.LocalGovernmentId,
            GovernmentKind = n.LocalGovernmentId == null ? null : n.LocalGovernment!.Kind,
            CountryCode = n.CountryCode,
            Gender = n.Authority!.Gender,
        });
        IQueryable<StageFact> Invited(IQueryable<Invitation> source, StageKind stage) => source.Join(db.Nominations, i => i.NominationId, n => n.Id, (i, n) => new StageFact
        {
            Stage = (int)stage,
            Key = 0,
            AuthorityId = i.AuthorityId,
            LocalGovernmentId = n.LocalGovernmentId,
            GovernmentKind = n.LocalGovernmentId == null ? null : n.LocalGovernment!.Kind,
            CountryCode = i.CountryCode,
            Gender = i.Authority!.Gender,
        });
        IQueryable<StageFact> Attended(IQueryable<Domain.Attendance> source, StageKind stage, bool bySession) => source.Select(a => new StageFact
        {
            Stage = (int)stage,
            Key = stage == StageKind.Eligible ? 0 : bySession ? a.SessionId : a.Session!.EventId,
            AuthorityId = a.AuthorityId,
            LocalGovernmentId = a.LocalGovernmentId,
            GovernmentKind = a.LocalGovernmentId == null ? null : a.LocalGovernment!.Kind,
            CountryCode = a.CountryCode,
            Gender = a.Authority!.Gender,
        });
        // Recognized people and local governments each by their own certificates (Recognition's rule): a local
        // government counts while its certificate is valid, whatever became of its people's.
        var standing = scope.Apply(db.Certificates.AsNoTracking()).Standing().Where(c => c.CohortId == cohortId);
        var certified = standing.Where(c => c.Kind == CertificateKind.Person)
            .Join(db.Authorities, c => c.AuthorityId, a => a.Id, (c, a) => new StageFact
            {
                Stage = (int)StageKind.Certified,
                Key = 0,
                AuthorityId = a.Id,
                LocalGovernmentId = null,
                GovernmentKind = null,
                CountryCode = c.CountryCode,
                Gender = a.Gender,
            })
            .Concat(standing.Where(c => c.Kind == CertificateKind.LocalGovernment)
                .Join(db.LocalGovernments, c => c.LocalGovernmentId, g => g.Id, (c, g) => new StageFact
                {
                    Stage = (int)StageKind.Certified,
                    Key = 0,
                    AuthorityId = null,
                    LocalGovernmentId = g.Id,
                    GovernmentKind = g.Kind,
                    CountryCode = c.CountryCode,
                    Gender = null,
                }));

        var main = Nominated(nominations, StageKind.Nominated)
            .Concat(Nominated(nominations.Where(n => n.Status == NominationStatus.Approved), StageKind.Approved))
            .Concat(Invited(invitations, StageKind.Invited))
            .Concat(Invited(invitations.Where(i => i.Status == InvitationStatus.Accepted), StageKind.Accepted))
            .Concat(Attended(present, StageKind.Event, bySession: false))
            .Concat(Attended(present.Where(a => eligible.Contains(a.AuthorityId)), StageKind.Eligible, bySession: false))
            .Concat(certified);
        return (main, main.Concat(Attended(present, StageKind.Session, bySession: true)));
    }

    public string StageLabel(FunnelStage stage) => stage.Name ?? text["Stage_" + stage.Kind];

    /// <summary>The eligible stage named by the cohort's recognition rules as configured ("Eligible: workshop, 2 sessions").</summary>
    private string EligibleLabel(RecognitionRules rules)
    {
        var events = (rules.RequireLaunchForum, rules.RequireWorkshop) switch
        {
            (true, true) => "Rule_Both",
            (true, false) => "Rule_LaunchForum",
            (false, true) => "Rule_Workshop",
            _ => rules.RequireAcceptedInvitation ? "Rule_Accepted" : "Rule_Invited",
        };
        var sessions = rules.RequireLaunchForum || rules.RequireWorkshop ? rules.MinimumSessionsPerEvent : 1;
        return text["Stage_Eligible", text[events].Value, sessions];
    }

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
}
