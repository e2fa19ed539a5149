using System.Security.Claims;
using ChampionPortal.Web.Data;
using ChampionPortal.Web.Domain;
using ChampionPortal.Web.Features.Eligibility;
using ChampionPortal.Web.Infrastructure.Auth;
using Microsoft.EntityFrameworkCore;

namespace ChampionPortal.Web.Features.Certificates;

public sealed record CertificateRow(
    int Id, CertificateKind Kind, string Serial, string RecipientName, string LocalGovernmentName, string CountryCode, string CohortName, DateOnly IssuedOn,
    CertificateStatus Status, string VerificationCode, int? AuthorityId, int LocalGovernmentId);

/// <summary>An eligible recipient without a valid certificate yet: "P:{authority}" or "G:{local government}".</summary>
public sealed record PendingRecipient(string Key, CertificateKind Kind, string Name, string CountryCode);

/// <summary>An eligible recipient whose certificate was revoked: issued again only when staff reissue it with a reason.</summary>
public sealed record RevokedRecipient(string Key, CertificateKind Kind, string Name, string CountryCode, Revocation Revocation);

public sealed record CertificateList(
    int? CohortId, string? CohortName, IReadOnlyList<CertificateRow> Certificates, bool CanIssue, IReadOnlyList<PendingRecipient> Pending, IReadOnlyList<IssuanceProgress> Issuances)
{
    /// <summary>The cohort's eligible recipients held back by a revocation (staff's list).</summary>
    public IReadOnlyList<RevokedRecipient> Revoked { get; init; } = [];

    /// <summary>An authority's own list ("My certificates").</summary>
    public bool Mine { get; init; }

    /// <summary>The countries of the listed certificates, for a ZIP of one country's.</summary>
    public IReadOnlyList<string> Countries => [.. Certificates.Select(c => c.CountryCode).Distinct().Order()];
}
/// <summary>The certificates page: the certificates in the reader's reach and, for staff, who is still to be issued one.</summary>
public sealed class CertificateOverview(PortalDbContext db, EligibilityService eligibility)
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

    public async Task<CertificateList> ListAsync(ClaimsPrincipal user, int? cohortId, CancellationToken cancellationToken = default)
    {
        var reach = user.Reach();
        var staff = reach.Regional;
        var query = await CertificateReach.OfAsync(db, reach, db.Certificates.AsNoTracking(), cancellationToken);

        if (cohortId is { } id)
        {
            query = query.Where(c => c.CohortId == id);
        }

        var rows = await query.OrderByDescending(c => c.IssuedOn).ThenBy(c => c.Serial)
            .Select(c => new CertificateRow(c.Id, c.Kind, c.Serial, c.RecipientName, c.LocalGovernmentName, c.CountryCode, c.Cohort!.Name, c.IssuedOn, c.Status, c.VerificationCode, c.AuthorityId, c.LocalGovernmentId))
            .ToListAsync(cancellationToken);
        var cohortName = cohortId is { } cid ? await db.Cohorts.Where(c => c.Id == cid).Select(c => c.Name).SingleOrDefaultAsync(cancellationToken) : null;
        if (!staff || cohortId is not { } pid)
        {
            return new CertificateList(cohortId, cohortName, rows, false, [], []) { Mine = reach.AuthorityId is not null && reach.Country is null };
        }

        // The cohort's issuances still running and the latest finished one; whoever they hold is no longer pending.
        var recent = await IssuanceProgress.Of(db.CertificateIssuances.Where(r => r.CohortId == pid).OrderByDescending(r => r.Id).Take(10)).ToListAsync(cancellationToken);
        var queued = await QueuedAsync(pid, cancellationToken);
        var (pending, revoked) = await WithoutCertificateAsync(pid, cancellationToken);
        return new CertificateList(cohortId, cohortName, rows, true, [.. pending.Where(p => !queued.Contains(p.Key))], [.. recent.Where(p => !p.Finished), .. recent.Where(p => p.Finished).Take(1)])
        {
            Revoked = revoked,
        };
    }

    /// <summary>Recipient keys held by the cohort's unfinished issuances.</summary>
    public async Task<HashSet<string>> QueuedAsync(int cohortId, CancellationToken cancellationToken = default) =>
        (await db.CertificateIssuanceItems
            .Where(i => i.Status == IssuanceItemStatus.Pending && db.CertificateIssuances.Any(r => r.Id == i.IssuanceId && r.CohortId == cohortId))
            .Select(i => i.RecipientKey).ToListAsync(cancellationToken)).ToHashSet();
}
