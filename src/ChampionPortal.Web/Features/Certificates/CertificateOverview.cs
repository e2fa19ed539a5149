using System.Security.Claims;
using ChampionPortal.Web.Data;
using ChampionPortal.Web.Domain;
using ChampionPortal.Web.Features.Eligibility;
using ChampionPortal.Web.Features.Events;
using ChampionPortal.Web.Features.Shared;
using ChampionPortal.Web.Infrastructure.Auth;
using ChampionPortal.Web.Infrastructure.Localization;
using Microsoft.EntityFrameworkCore;

namespace ChampionPortal.Web.Features.Certificates;

public sealed record CertificateRow(
    int Id, CertificateKind Kind, string Serial, string RecipientName, string LocalGovernmentName, string CountryCode, string CohortName, DateOnly IssuedOn,
    CertificateStatus Status, string VerificationCode, int? AuthorityId, int LocalGovernmentId);

/// <summary>An eligible recipient without a valid certificate yet: "P:{authority}" or "G:{local government}".</summary>
public sealed record PendingRecipient(string Key, CertificateKind Kind, string Name, string CountryCode);

/// <summary>An eligible recipient whose certificate was revoked: issued again only when staff reissue it with a reason.</summary>
public sealed record RevokedRecipient(string Key, CertificateKind Kind, string Name, string CountryCode, Revocation Revocation);

/// <summary>The certificates page's filters: a cohort, a search by name, serial or local government, a country, a status and a kind.</summary>
public sealed class CertificateListQuery : ListQuery
{
    // A cohort's certificates are usually read as a whole: fifty a page holds the 2023 cohort's people on one.
    public CertificateListQuery() => Size = 50;

    public int? Cohort { get; set; }
    public string? Country { get; set; }
    public CertificateStatus? Status { get; set; }
    public CertificateKind? Kind { get; set; }

    public bool Filtered => !string.IsNullOrWhiteSpace(Q) || !string.IsNullOrEmpty(Country) || Status is not null || Kind is not null;
}

public sealed record CertificateList(
    CertificateListQuery Query, int? CohortId, string? CohortName, PagedList<CertificateRow> Certificates, bool CanIssue, IReadOnlyList<PendingRecipient> Pending,
    IReadOnlyList<IssuanceProgress> Issuances)
{
    /// <summary>The cohort's eligible recipients held back by a revocation (staff's list).</summary>
    public IReadOnlyList<RevokedRecipient> Revoked { get; init; } = [];

    /// <summary>An authority's own list ("My certificates").</summary>
    public bool Mine { get; init; }

    /// <summary>The countries of the cohort's certificates in the reader's reach: the country filter's and the ZIP's choices.</summary>
    public IReadOnlyList<string> Countries { get; init; } = [];

    /// <summary>The cohorts the reader can switch to (staff and country offices).</summary>
    public IReadOnlyList<CohortOption> Cohorts { get; init; } = [];
}
/// <summary>The certificates page: the certificates in the reader's reach and, for staff, who is still to be issued one.</summary>
public sealed class CertificateOverview(PortalDbContext db, EligibilityService eligibility, CohortInFocus focus)
{
    /// <summary>The cohort's eligible people and local governments that have no valid certificate yet and no standing revocation.</summary>
    public async Task<List<PendingRecipient>> PendingAsync(int cohortId, CancellationToken cancellationToken = default) =>
        (await WithoutCertificateAsync(cohortId, cancellationToken)).Pending;

    /// <summary>
    /// The cohort's eligible recipients without a valid certificate: those to issue to, and those whose certificate
    /// was revoked (a decision that issuing to everyone eligible does not undo).
    /// </summary>
    private async Task<(List<PendingRecipient> Pending, List<RevokedRecipient> Revoked)> WithoutCertificateAsync(int cohortId, CancellationToken cancellationToken)
    {
        if (await eligibility.EvaluateAsync(cohortId, cancellationToken) is not { } page)
        {
            return ([], []);
        }

        var issued = (await db.Certificates.Standing().Where(c => c.CohortId == cohortId).Select(c => c.RecipientKey).ToListAsync(cancellationToken)).ToHashSet();
        var all = page.People.Where(p => p.Eligible && !issued.Contains($"P:{p.AuthorityId}"))
            .Select(p => (Recipient: new PendingRecipient($"P:{p.AuthorityId}", CertificateKind.Person, p.FullName, p.CountryCode), p.Revocation))
            .Concat(page.Governments.Where(g => !issued.Contains($"G:{g.LocalGovernmentId}"))
                .Select(g => (Recipient: new PendingRecipient($"G:{g.LocalGovernmentId}", CertificateKind.LocalGovernment, g.Name, g.CountryCode), g.Revocation)))
            .ToList();
        return (
            [.. all.Where(r => r.Revocation is null).Select(r => r.Recipient)],
            [.. all.Where(r => r.Revocation is not null).Select(r => new RevokedRecipient(r.Recipient.Key, r.Recipient.Kind, r.Recipient.Name, r.Recipient.CountryCode, r.Revocation!))]);
    }

    public async Task<CertificateList> ListAsync(ClaimsPrincipal user, CertificateListQuery list, CancellationToken cancellationToken = default)
    {
        var reach = user.Reach();
        var staff = reach.Regional;
        var mine = reach.AuthorityId is not null && reach.Country is null && !staff;
        var query = await CertificateReach.OfAsync(db, reach, db.Certificates.AsNoTracking(), cancellationToken);

        // Staff and country offices work one cohort at a time (issuing needs one); an authority sees all its own.
        IReadOnlyList<CohortOption> cohorts = [];
        if (!mine)
        {
            if (await focus.ChooseAsync(user, list.Cohort, CohortContent.Recognition, cancellationToken) is not { } choice)
            {
                return new CertificateList(list, null, null, new PagedList<CertificateRow>([], 0, 1, list.Size), false, [], []);
            }

            list.Cohort = choice.Cohort.Id;
            cohorts = choice.Options;
        }

        if (list.Cohort is { } id)
        {
            query = query.Where(c => c.CohortId == id);
        }

        var countries = await query.Select(c => c.CountryCode).Distinct().OrderBy(c => c).ToListAsync(cancellationToken);
        var rows = await Filter(query, list).ToPagedListAsync(list, page => page
            .Select(c => new CertificateRow(c.Id, c.Kind, c.Serial, c.RecipientName, c.LocalGovernmentName, c.CountryCode, PortalCultures.Pick(c.Cohort!.Name, c.Cohort.NameEs, c.Cohort.NamePt), c.IssuedOn, c.Status, c.VerificationCode, c.AuthorityId, c.LocalGovernmentId)),
            cancellationToken);
        var cohortId = list.Cohort;
        var cohortName = cohorts.FirstOrDefault(c => c.Id == cohortId)?.Name;
        if (!staff || cohortId is not { } pid)
        {
            return new CertificateList(list, cohortId, cohortName, rows, false, [], []) { Mine = mine, Countries = countries, Cohorts = cohorts };
        }

        // The cohort's issuances still running and the latest finished one; whoever they hold is no longer pending.
        var recent = await IssuanceProgress.Of(db.CertificateIssuances.Where(r => r.CohortId == pid).OrderByDescending(r => r.Id).Take(10)).ToListAsync(cancellationToken);
        var queued = await QueuedAsync(pid, cancellationToken);
        var (pending, revoked) = await WithoutCertificateAsync(pid, cancellationToken);
        return new CertificateList(list, cohortId, cohortName, rows, true, [.. pending.Where(p => !queued.Contains(p.Key))], [.. recent.Where(p => !p.Finished), .. recent.Where(p => p.Finished).Take(1)])
        {
            Revoked = revoked,
            Countries = countries,
            Cohorts = cohorts,
        };
    }

    /// <summary>The certificates that match the filters, in the order chosen (latest issued first unless told otherwise).</summary>
    private IQueryable<Certificate> Filter(IQueryable<Certificate> certificates, CertificateListQuery list)
    {
        if (list.Q?.Trim() is { Length: > 0 } term)
        {
            // A serial is looked up as typed; a name, the person's or the local government's, accents and case ignored.
            var key = SearchText.Compact(term);
            var serial = term.ToUpperInvariant();
            certificates = certificates.Where(c => c.Serial.ToUpper().Contains(serial)
                || db.LocalGovernments.Any(g => g.Id == c.LocalGovernmentId && g.SearchKey.Replace(" ", "").Contains(key))
                || db.Authorities.Any(a => a.Id == c.AuthorityId && a.SearchKey.Replace(" ", "").Contains(key)));
        }

        if (!string.IsNullOrEmpty(list.Country))
        {
            certificates = certificates.Where(c => c.CountryCode == list.Country);
        }

        if (list.Status is { } status)
        {
            certificates = certificates.Where(c => c.Status == status);
        }

        if (list.Kind is { } kind)
        {
            certificates = certificates.Where(c => c.Kind == kind);
        }

        return list.Sort switch
        {
            "name" => certificates.OrderBy(c => c.RecipientName).ThenBy(c => c.Id),
            "-name" => certificates.OrderByDescending(c => c.RecipientName).ThenBy(c => c.Id),
            "country" => certificates.OrderBy(c => c.CountryCode).ThenBy(c => c.RecipientName).ThenBy(c => c.Id),
            "-country" => certificates.OrderByDescending(c => c.CountryCode).ThenBy(c => c.RecipientName).ThenBy(c => c.Id),
            "issued" => certificates.OrderBy(c => c.IssuedOn).ThenBy(c => c.Serial),
            _ => certificates.OrderByDescending(c => c.IssuedOn).ThenBy(c => c.Serial),
        };
    }

    /// <summary>Recipient keys held by the cohort's unfinished issuances.</summary>
    public async Task<HashSet<string>> QueuedAsync(int cohortId, CancellationToken cancellationToken = default) =>
        (await db.CertificateIssuanceItems
            .Where(i => i.Status == IssuanceItemStatus.Pending && db.CertificateIssuances.Any(r => r.Id == i.IssuanceId && r.CohortId == cohortId))
            .Select(i => i.RecipientKey).ToListAsync(cancellationToken)).ToHashSet();
}
