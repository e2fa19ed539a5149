using ChampionPortal.Web.Data;
using ChampionPortal.Web.Domain;
using ChampionPortal.Web.Features.Events;
using ChampionPortal.Web.Features.Shared;
using ChampionPortal.Web.Infrastructure.Localization;
using ChampionPortal.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace ChampionPortal.Web.Features.Nominations;

public enum NominationChange
{
    Saved,
    NotFound,
    Conflict,
    NotAllowedNow,
    AlreadyNominated,
    CohortNotOpen,
    EmailTaken,
}

/// <summary>A country office's nominations: the form, the duplicates it warns about, creating, editing and withdrawing.</summary>
public sealed class NominationSubmission(PortalDbContext db, TimeProvider timeProvider)
{
    public async Task<NominationEditor> EditorAsync(int? id, NominationForm form, string country, IReadOnlyList<DuplicateFlag>? duplicates = null, CancellationToken cancellationToken = default)
    {
        var openCohorts = await db.Cohorts.AsNoTracking().Where(c => c.Status == CohortStatus.Open || c.Id == form.CohortId)
            .OrderByDescending(c => c.StartDate).Select(c => new CohortOption(c.Id, c.Code, PortalCultures.Pick(c.Name, c.NameEs, c.NamePt))).ToListAsync(cancellationToken);
        var authorities = await db.Authorities.AsNoTracking().Where(a => a.CountryCode == country).OrderBy(a => a.SearchKey)
            .Select(a => new AuthorityChoice(a.Id, a.FullName, a.LocalGovernment!.Name)).ToListAsync(cancellationToken);
        var governments = await db.LocalGovernments.AsNoTracking().Where(l => l.CountryCode == country).OrderBy(l => l.SearchKey)
            .Select(l => new LocalGovernmentChoice(l.Id, l.Name)).ToListAsync(cancellationToken);
        return new NominationEditor(id, form, openCohorts, authorities, governments, duplicates ?? []);
    }

    public static NominationForm FormFrom(NominationDetails details) => new()
    {
        CohortId = details.CohortId,
        AuthorityId = details.AuthorityId,
        Justification = details.Justification,
        Version = details.Version,
        Criteria = [.. details.Criteria.Select(c => new CriterionForm { Criterion = c.Criterion, Met = c.Met, EvidenceUrl = c.EvidenceUrl, EvidenceText = c.EvidenceText, Note = c.Note })],
    };

    /// <summary>Possible duplicates of a new authority: the same e-mail anywhere, or a very similar name in the same local government.</summary>
    public async Task<IReadOnlyList<DuplicateFlag>> DuplicatesAsync(NominationForm form, string country, CancellationToken cancellationToken = default)
    {
        if (!form.CreatesAuthority)
        {
            return [];
        }

        var flags = new List<DuplicateFlag>();
        var sameEmail = await db.Authorities.AsNoTracking().WithEmail(form.NewAuthorityEmail)
            .Select(a => new { a.FullName, a.CountryCode }).FirstOrDefaultAsync(cancellationToken);
        if (sameEmail is not null)
        {
            // Another country's person is not shown to a country office, only that the address is taken.
            flags.Add(new DuplicateFlag(true, sameEmail.CountryCode == country ? sameEmail.FullName : null));
        }

        if (form.LocalGovernmentId is { } governmentId)
        {
            var key = SearchText.Key(form.NewAuthorityName);
            var names = await db.Authorities.AsNoTracking().Where(a => a.LocalGovernmentId == governmentId && a.CountryCode == country)
                .Select(a => new { a.FullName, a.SearchKey }).ToListAsync(cancellationToken);
            flags.AddRange(names.Where(n => Similar(n.SearchKey, key)).Select(n => new DuplicateFlag(false, n.FullName)));
        }

        return flags;
    }

    public async Task<(NominationChange Change, int? Id)> CreateAsync(NominationForm form, string country, CancellationToken cancellationToken = default)
    {
        if (!await db.Cohorts.AnyAsync(c => c.Id == form.CohortId && c.Status == CohortStatus.Open, cancellationToken))
        {
            return (NominationChange.CohortNotOpen, null);
        }

        Authority? authority;
        if (form.CreatesAuthority)
        {
            if (await db.Authorities.WithEmail(form.NewAuthorityEmail).AnyAsync(cancellationToken))
            {
                return (NominationChange.EmailTaken, null);
            }

            var government = form.LocalGovernmentId is { } governmentId
                ? await db.LocalGovernments.SingleOrDefaultAsync(l => l.Id == governmentId && l.CountryCode == country, cancellationToken)
                : new LocalGovernment { Name = form.NewLocalGovernmentName!.Trim(), CountryCode = country, TimeZone = CountryTimeZones.DefaultFor(country) };
            if (government is null)
            {
                return (NominationChange.NotFound, null);
            }

            authority = new Authority
            {
                FullName = form.NewAuthorityName!.Trim(),
                Position = form.NewAuthorityPosition!.Trim(),
                Email = form.NewAuthorityEmail!.Trim(),
                CountryCode = country,
                LocalGovernment = government,
                PreferredLanguage = PortalCultures.ForCountry(country),
            };
            db.Authorities.Add(authority);
        }
        else
        {
            authority = await db.Authorities.SingleOrDefaultAsync(a => a.Id == form.AuthorityId && a.CountryCode == country, cancellationToken);
            if (authority is null)
            {
                return (NominationChange.NotFound, null);
            }
        }

        // A withdrawn nomination of the same person is reopened: one record per person and cohort keeps its history.
        var nomination = authority.Id == 0
            ? null
            : await db.Nominations.Include(n => n.Criteria).SingleOrDefaultAsync(n => n.CohortId == form.CohortId && n.AuthorityId == authority.Id, cancellationToken);
        if (nomination is { Status: not NominationStatus.Withdrawn })
        {
            return (NominationChange.AlreadyNominated, nomination.Id);
        }

        var now = timeProvider.GetUtcNow().UtcDateTime;
        if (nomination is null)
        {
            nomination = new Nomination { CohortId = form.CohortId!.Value, Authority = authority, CountryCode = country, Justification = "", CreatedAtUtc = now };
            db.Nominations.Add(nomination);
        }

        nomination.LocalGovernmentId = authority.LocalGovernmentId;
        nomination.LocalGovernment = authority.LocalGovernment;
        Apply(nomination, form, now);
        await db.SaveChangesAsync(cancellationToken);
        return (NominationChange.Saved, nomination.Id);
    }

    public async Task<NominationChange> UpdateAsync(int id, NominationForm form, CancellationToken cancellationToken = default)
    {
        var nomination = await db.Nominations.Include(n => n.Criteria).SingleOrDefaultAsync(n => n.Id == id, cancellationToken);
        if (nomination is null)
        {
            return NominationChange.NotFound;
        }

        if (nomination.Status is not (NominationStatus.Draft or NominationStatus.Submitted))
        {
            return NominationChange.NotAllowedNow;
        }

        db.ExpectVersion(nomination, form.Version);
        Apply(nomination, form, timeProvider.GetUtcNow().UtcDateTime);
        return await db.SaveEditAsync(cancellationToken) == SaveOutcome.Saved ? NominationChange.Saved : NominationChange.Conflict;
    }

    public async Task<NominationChange> WithdrawAsync(int id, int version, CancellationToken cancellationToken = default)
    {
        var nomination = await db.Nominations.SingleOrDefaultAsync(n => n.Id == id, cancellationToken);
        if (nomination is null)
        {
            return NominationChange.NotFound;
        }

        if (nomination.Status is not (NominationStatus.Draft or NominationStatus.Submitted))
        {
            return NominationChange.NotAllowedNow;
        }

        db.ExpectVersion(nomination, version);
        nomination.Status = NominationStatus.Withdrawn;
        return await db.SaveEditAsync(cancellationToken) == SaveOutcome.Saved ? NominationChange.Saved : NominationChange.Conflict;
    }

    private static void Apply(Nomination nomination, NominationForm form, DateTime now)
    {
        nomination.Justification = form.Justification!.Trim();
        nomination.CriteriaMet = form.Criteria.Count(c => c.Met);
        foreach (var criterion in form.Criteria)
        {
            var stored = nomination.Criteria.FirstOrDefault(c => c.Criterion == criterion.Criterion);
            if (stored is null)
            {
                stored = new NominationCriterion { Criterion = criterion.Criterion };
                nomination.Criteria.Add(stored);
            }

            stored.Met = criterion.Met;
            stored.EvidenceUrl = Blank(criterion.EvidenceUrl);
            stored.EvidenceText = Blank(criterion.EvidenceText);
            stored.Note = Blank(criterion.Note);
        }

        if (form.Submit)
        {
            nomination.Status = NominationStatus.Submitted;
            nomination.SubmittedAtUtc ??= now;
        }
        else if (nomination.Status == NominationStatus.Withdrawn)
        {
            nomination.Status = NominationStatus.Draft;
        }
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    /// <summary>Names that differ by at most two letters, once accents and case are set aside ("José Pérez" ≈ "jose perez").</summary>
    private static bool Similar(string a, string b)
    {
        if (Math.Abs(a.Length - b.Length) > 2)
        {
            return false;
        }

        return SearchText.EditDistance(a, b) <= 2;
    }
}
