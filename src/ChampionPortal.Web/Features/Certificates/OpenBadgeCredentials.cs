using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using ChampionPortal.Web.Data;
using ChampionPortal.Web.Domain;
using ChampionPortal.Web.Infrastructure.Auth;
using ChampionPortal.Web.Infrastructure.Localization;
using ChampionPortal.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace ChampionPortal.Web.Features.Certificates;

/// <summary>
/// A certificate as an Open Badges 3.0 credential, for those who may have its PDF: the achievement with its
/// criteria and GCM alignment, the issuer, the recipient (a person by their hashed e-mail address and their name, a
/// local government by its name), validity, and its entry in the revocation status list; signed as a VC-JWT.
/// </summary>
public sealed class OpenBadgeCredentials(
    PortalDbContext db, OpenBadgeProfiles profiles, CertificateStatusLists statusLists, CredentialSigner signer, PublicUrls urls, TimeProvider timeProvider)
{
    /// <summary>The credential (JSON, the signed token's payload) and the signed token; null when out of the user's reach or erased.</summary>
    public async Task<(JsonObject Credential, string Jwt)?> ForAsync(ClaimsPrincipal user, int id, CancellationToken cancellationToken = default)
    {
        var reachable = await CertificateReach.OfAsync(db, user.Reach(), db.Certificates.Where(c => c.Id == id), cancellationToken);
        if (await reachable.Where(c => c.RecipientName != "").Include(c => c.Cohort).SingleOrDefaultAsync(cancellationToken) is not { } certificate)
        {
            return null;
        }

        await CompleteAsync(certificate, cancellationToken);
        var credential = Credential(certificate);
        return (credential, await signer.SignAsync(credential, cancellationToken));
    }

    /// <summary>The recipient's identity as Open Badges hashes it: "sha256$" and the SHA-256 of the address followed by the salt.</summary>
    public static (string Identity, string Salt) HashedEmail(string email)
    {
        var salt = Convert.ToHexString(RandomNumberGenerator.GetBytes(16)).ToLowerInvariant();
        return (IdentityHash(email, salt), salt);
    }

    public static string IdentityHash(string email, string salt) =>
        "sha256$" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(email.Trim().ToLowerInvariant() + salt))).ToLowerInvariant();

    /// <summary>Certificates issued before credentials were signed get their status position and hashed identity on first use.</summary>
    private async Task CompleteAsync(Certificate certificate, CancellationToken cancellationToken)
    {
        var changed = false;
        if (certificate.StatusListIndex is null)
        {
            var position = (await statusLists.ReserveAsync(1, cancellationToken)).Single();
            (certificate.StatusListId, certificate.StatusListIndex, changed) = (position.ListId, position.Index, true);
        }

        if (certificate is { Kind: CertificateKind.Person, RecipientIdentity: null, AuthorityId: { } authorityId })
        {
            var email = await db.Authorities.Where(a => a.Id == authorityId).Select(a => a.Email).SingleAsync(cancellationToken);
            (certificate.RecipientIdentity, certificate.RecipientSalt) = HashedEmail(email);
            changed = true;
        }

        if (changed)
        {
            await db.SaveChangesAsync(cancellationToken);
        }
    }

    private JsonObject Credential(Certificate c)
    {
        var id = urls.Absolute($"/verify/{CertificateVerification.Grouped(c.VerificationCode)}");
        var validFrom = c.IssuedOn.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);

        // In the language the certificate was issued in, as its PDF.
        var language = PortalCultures.ForRecipient(c.Language);
        var identifier = c.Kind == CertificateKind.Person
            ? new JsonObject { ["type"] = "IdentityObject", ["hashed"] = true, ["identityHash"] = c.RecipientIdentity, ["identityType"] = "emailAddress", ["salt"] = c.RecipientSalt }
            : new JsonObject { ["type"] = "IdentityObject", ["hashed"] = false, ["identityHash"] = c.RecipientName, ["identityType"] = "name" };
        var credential = new JsonObject
        {
            ["@context"] = OpenBadgeProfiles.Context(),
            ["id"] = id,
            ["type"] = new JsonArray("VerifiableCredential", "OpenBadgeCredential"),
            ["name"] = $"{profiles.AchievementName(c.Kind, language)} — {PortalCultures.Pick(c.Cohort!.Name, c.Cohort.NameEs, c.Cohort.NamePt, language)}",
            ["issuer"] = profiles.IssuerReference(),
            ["validFrom"] = OpenBadgeProfiles.Timestamp(validFrom),
            ["credentialSubject"] = new JsonObject
            {
                ["type"] = new JsonArray("AchievementSubject"),
                ["name"] = c.RecipientName,
                ["identifier"] = new JsonArray(identifier),
                ["achievement"] = profiles.Achievement(c.Cohort, c.Kind, language),
            },
            ["credentialStatus"] = statusLists.Entry(new StatusPosition(c.StatusListId!.Value, c.StatusListIndex!.Value)),

            // The token's registered claims, which JWT libraries read: who issued it, which credential, valid from when.
            ["iss"] = profiles.IssuerId,
            ["jti"] = id,
            ["nbf"] = new DateTimeOffset(validFrom).ToUnixTimeSeconds(),
        };
        if (c.Status != CertificateStatus.Valid)
        {
            // A revoked or superseded credential is no longer valid from that moment on (and its status bit is set).
            var until = c.RevokedAtUtc ?? timeProvider.GetUtcNow().UtcDateTime;
            credential["validUntil"] = OpenBadgeProfiles.Timestamp(until);
            credential["exp"] = new DateTimeOffset(DateTime.SpecifyKind(until, DateTimeKind.Utc)).ToUnixTimeSeconds();
        }

        return credential;
    }
}
