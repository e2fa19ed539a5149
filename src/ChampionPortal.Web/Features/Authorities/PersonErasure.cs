using System.Globalization;
using System.Text.Json.Nodes;
using ChampionPortal.Web.Data;
using ChampionPortal.Web.Domain;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace ChampionPortal.Web.Features.Authorities;

/// <summary>
/// Erases a person on request. The authority record, nominations, invitations, attendance and certificates stay,
/// anonymous, so that every figure counted from them stays true and issued certificates still verify (with the name
/// withheld); what identifies the person goes: name, position, contact details, self-described gender, free text
/// written about or by them, the account, e-mails to them, the PDFs that carry the name, and those values in the
/// audit trail. The gender category stays: the gender breakdowns are aggregate figures.
/// </summary>
public sealed class PersonErasure(PortalDbContext db, UserManager<PortalUser> users, TimeProvider clock)
{
    public const string Withheld = "—";
    private const string ErasedValue = "[erased]";

    private static readonly Dictionary<string, string[]> ErasedFields = new(StringComparer.Ordinal)
    {
        [nameof(Authority)] = [nameof(Authority.FullName), nameof(Authority.Position), nameof(Authority.Email), nameof(Authority.EmailNormalized), nameof(Authority.Phone), nameof(Authority.GenderDescription), nameof(Authority.SearchKey)],
        [nameof(Certificate)] = [nameof(Certificate.RecipientName), nameof(Certificate.Position), nameof(Certificate.RecipientIdentity)],
        [nameof(PortalUser)] = [nameof(PortalUser.FullName), nameof(PortalUser.Email), nameof(PortalUser.NormalizedEmail), nameof(PortalUser.UserName), nameof(PortalUser.NormalizedUserName), nameof(PortalUser.PhoneNumber)],
        [nameof(Invitation)] = [nameof(Invitation.ResponseComment)],
        [nameof(Nomination)] = [nameof(Nomination.Justification), nameof(Nomination.ReviewComment)],
        [nameof(DisseminationRecipient)] = [nameof(DisseminationRecipient.Name), nameof(DisseminationRecipient.Email)],
    };

    /// <summary>False when there is no such authority. Erasing twice changes nothing more.</summary>
    public async Task<bool> EraseAsync(int authorityId, CancellationToken cancellationToken = default)
    {
        var person = await db.Authorities.SingleOrDefaultAsync(a => a.Id == authorityId, cancellationToken);
        if (person is null)
        {
            return false;
        }

        if (person.ErasedAtUtc is not null)
        {
            return true;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var (oldEmail, oldAddress, oldName) = (person.EmailNormalized, person.Email, person.FullName);

        person.FullName = Withheld;
        person.Position = Withheld;
        person.Email = $"erased-{authorityId}@erased.invalid";
        person.Phone = null;
        person.GenderDescription = null;
        person.ErasedAtUtc = clock.GetUtcNow().UtcDateTime;
        person.RefreshSearchKey();

        var invitations = await db.Invitations.Where(i => i.AuthorityId == authorityId).ToListAsync(cancellationToken);
        invitations.ForEach(i => (i.ResponseComment, i.DirectoryConsent) = (null, false));
        var nominations = await db.Nominations.Where(n => n.AuthorityId == authorityId).ToListAsync(cancellationToken);
        nominations.ForEach(n => (n.Justification, n.ReviewComment) = (Withheld, null));
        var recipients = await db.DisseminationRecipients.Where(r => r.AuthorityId == authorityId).ToListAsync(cancellationToken);
        recipients.ForEach(r => (r.Name, r.Email) = (Withheld, person.Email));

        // The PDF carries the name: it goes. Its hash stays, so the holder of a copy can still prove it genuine.
        var certificates = await db.Certificates.Where(c => c.AuthorityId == authorityId && c.Kind == CertificateKind.Person).ToListAsync(cancellationToken);
        certificates.ForEach(c => (c.RecipientName, c.Position, c.Pdf, c.RecipientIdentity, c.RecipientSalt) = ("", null, [], null, null));

        db.OutboxMessages.RemoveRange(await db.OutboxMessages.Where(m => m.ToAddress == oldAddress || m.ToAddress == oldEmail || m.ToName == oldName).ToListAsync(cancellationToken));

        // Their calendar address showed their sessions and join links: it stops, like the account.
        db.CalendarFeeds.RemoveRange(await db.CalendarFeeds.Where(f => f.AuthorityId == authorityId).ToListAsync(cancellationToken));
        await db.SaveChangesAsync(cancellationToken);

        var accounts = await db.Users.Where(u => u.AuthorityId == authorityId).ToListAsync(cancellationToken);
        foreach (var account in accounts)
        {
            var deleted = await users.DeleteAsync(account);
            if (!deleted.Succeeded)
            {
                throw new InvalidOperationException($"The account of authority {authorityId} could not be deleted: {string.Join(" ", deleted.Errors.Select(e => e.Code))}");
            }
        }

        // Previews of imports not yet confirmed may hold the person's row.
        await db.ImportBatches.Where(b => b.RowsJson.Contains(oldEmail) || b.RowsJson.Contains(oldName)).ExecuteDeleteAsync(cancellationToken);

        await ScrubAuditAsync(new Dictionary<string, IReadOnlyCollection<int>>
        {
            [nameof(Authority)] = [authorityId],
            [nameof(Certificate)] = [.. certificates.Select(c => c.Id)],
            [nameof(PortalUser)] = [.. accounts.Select(u => u.Id)],
            [nameof(Invitation)] = [.. invitations.Select(i => i.Id)],
            [nameof(Nomination)] = [.. nominations.Select(n => n.Id)],
            [nameof(DisseminationRecipient)] = [.. recipients.Select(r => r.Id)],
        }, cancellationToken);

        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    /// <summary>Replaces the erased fields' values in every audit entry of those records, the erasure's own included.</summary>
    private async Task ScrubAuditAsync(Dictionary<string, IReadOnlyCollection<int>> records, CancellationToken cancellationToken)
    {
        foreach (var (type, ids) in records.Where(r => r.Value.Count > 0))
        {
            var keys = ids.Select(id => id.ToString(CultureInfo.InvariantCulture)).ToList();
            var entries = await db.AuditEntries.Where(e => e.EntityType == type && keys.Contains(e.EntityKey)).ToListAsync(cancellationToken);
            foreach (var entry in entries)
            {
                if (JsonNode.Parse(entry.ChangesJson) is not JsonObject changes)
                {
                    continue;
                }

                foreach (var field in ErasedFields[type].Where(changes.ContainsKey))
                {
                    if (changes[field] is JsonObject change)
                    {
                        foreach (var side in change.Select(p => p.Key).ToList())
                        {
                            change[side] = change[side] is null ? null : ErasedValue;
                        }
                    }
                }

                entry.ChangesJson = changes.ToJsonString();
            }
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
