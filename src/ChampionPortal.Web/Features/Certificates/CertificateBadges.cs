using System.Security.Claims;
using ChampionPortal.Web.Data;
using ChampionPortal.Web.Domain;
using ChampionPortal.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace ChampionPortal.Web.Features.Certificates;

/// <summary>A certificate as an Open Badges credential, for those who may have its PDF.</summary>
public sealed class CertificateBadges(PortalDbContext db, CertificateFiles files, PublicUrls urls, TimeProvider timeProvider)
{
    /// <summary>
    /// The certificate as an Open Badges 3.0 credential (JSON) for a user allowed to have its PDF: the achievement
    /// "Champion Local Authority" with its criteria, the issuer, the recipient by name, validity, the GCM alignment and
    /// a status that follows revocation. Unsigned: the verification page is the authority on its status.
    /// </summary>
    public async Task<string?> BadgeAsync(ClaimsPrincipal user, int id, CancellationToken cancellationToken = default)
    {
        if (await files.PdfAsync(user, id, cancellationToken) is null)
        {
            return null;
        }

        var c = await db.Certificates.AsNoTracking().Where(x => x.Id == id)
            .Select(x => new { x.Kind, x.RecipientName, x.VerificationCode, x.IssuedOn, x.Status, x.RevokedAtUtc, Cohort = x.Cohort!.Name, CohortCode = x.Cohort.Code })
            .SingleAsync(cancellationToken);
        var verify = urls.Absolute($"/verify/{CertificateVerification.Grouped(c.VerificationCode)}");
        var credential = new System.Text.Json.Nodes.JsonObject
        {
            ["@context"] = new System.Text.Json.Nodes.JsonArray("https://www.w3.org/ns/credentials/v2", "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"),
            ["id"] = verify,
            ["type"] = new System.Text.Json.Nodes.JsonArray("VerifiableCredential", "OpenBadgeCredential"),
            ["name"] = $"Champion Local Authority — {c.Cohort}",
            ["issuer"] = new System.Text.Json.Nodes.JsonObject
            {
                ["id"] = urls.Absolute("/"),
                ["type"] = new System.Text.Json.Nodes.JsonArray("Profile"),
                ["name"] = "IOM Regional Office for South America — Champion Local Authorities",
            },
            ["validFrom"] = c.IssuedOn.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc).ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture),
            ["credentialSubject"] = new System.Text.Json.Nodes.JsonObject
            {
                ["type"] = new System.Text.Json.Nodes.JsonArray("AchievementSubject"),
                ["identifier"] = new System.Text.Json.Nodes.JsonArray(new System.Text.Json.Nodes.JsonObject
                {
                    ["type"] = "IdentityObject",
                    ["hashed"] = false,
                    ["identityHash"] = c.RecipientName,
                    ["identityType"] = "name",
                }),
                ["achievement"] = new System.Text.Json.Nodes.JsonObject
                {
                    ["id"] = urls.Absolute($"/achievements/champion-local-authority/{c.CohortCode}"),
                    ["type"] = new System.Text.Json.Nodes.JsonArray("Achievement"),
                    ["achievementType"] = "Award",
                    ["name"] = c.Kind == CertificateKind.Person ? "Champion Local Authority" : "Champion Local Government",
                    ["description"] = "Recognition of the Champion Local Authorities initiative of the IOM Regional Office for South America under the Global Compact for Safe, Orderly and Regular Migration.",
                    ["criteria"] = new System.Text.Json.Nodes.JsonObject
                    {
                        ["narrative"] = "Took part in the launch forum and in the exchange and capacity-building workshop of the cohort, as the cohort's recognition rules require; for a local government, represented by such a person.",
                    },
                    ["alignment"] = new System.Text.Json.Nodes.JsonArray(new System.Text.Json.Nodes.JsonObject
                    {
                        ["type"] = new System.Text.Json.Nodes.JsonArray("Alignment"),
                        ["targetName"] = "Global Compact for Safe, Orderly and Regular Migration",
                        ["targetUrl"] = "https://undocs.org/A/RES/73/195",
                        ["targetFramework"] = "United Nations General Assembly resolution 73/195",
                        ["targetCode"] = "A/RES/73/195",
                    }),
                },
            },
            ["credentialStatus"] = new System.Text.Json.Nodes.JsonObject { ["id"] = verify, ["type"] = "1EdTechRevocationList" },
        };
        if (c.Status != CertificateStatus.Valid)
        {
            // A revoked or superseded credential is no longer valid from that moment on.
            credential["validUntil"] = (c.RevokedAtUtc ?? timeProvider.GetUtcNow().UtcDateTime).ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture);
        }

        return credential.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true });
    }
}
