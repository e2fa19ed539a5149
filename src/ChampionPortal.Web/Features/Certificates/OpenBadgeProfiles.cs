using System.Globalization;
using System.Text.Json.Nodes;
using ChampionPortal.Web.Data;
using ChampionPortal.Web.Domain;
using ChampionPortal.Web.Infrastructure.Email;
using ChampionPortal.Web.Infrastructure.Localization;
using ChampionPortal.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ChampionPortal.Web.Features.Certificates;

/// <summary>An achievement as verifiers read it (<paramref name="Json"/>, in English) and what its page says in the reader's language.</summary>
public sealed record AchievementPage(JsonObject Json, string Kind, string CohortName);

/// <summary>
/// The public descriptions a credential points to: the issuer's profile (with its public keys) and each cohort's two
/// achievements (a person's and a local government's), at stable addresses on the portal.
/// </summary>
public sealed class OpenBadgeProfiles(PortalDbContext db, IssuerKeys keys, PublicUrls urls, IConfiguration configuration, IOptions<EmailOptions> email)
{
    public const string IssuerPath = "/issuer";
    public const string IssuerName = "IOM Regional Office for South America — Champion Local Authorities";
    public const string PersonKind = "person";
    public const string LocalGovernmentKind = "local-government";

    /// <summary>How credentials are written for people to read.</summary>
    public static readonly System.Text.Json.JsonSerializerOptions Readable = new() { WriteIndented = true };

    private static readonly string[] Contexts = ["https://www.w3.org/ns/credentials/v2", "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"];

    public static JsonArray Context() => [.. Contexts.Select(c => (JsonNode)c)];

    public static string Timestamp(DateTime utc) => utc.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);

    /// <summary>The achievement's name, as credentials, achievements and badge images give it.</summary>
    public static string AchievementName(CertificateKind kind) => kind == CertificateKind.Person ? "Champion Local Authority" : "Champion Local Government";

    public static string KindOf(CertificateKind kind) => kind == CertificateKind.Person ? PersonKind : LocalGovernmentKind;

    public string IssuerId => urls.Absolute(IssuerPath);

    /// <summary>The address the issuer's profile gives for contact: the configured one, else the portal's sender.</summary>
    public string IssuerEmail => configuration["Certificates:IssuerEmail"] is { Length: > 0 } configured ? configured : email.Value.FromAddress;

    public string AchievementId(string cohortCode, CertificateKind kind) => urls.Absolute($"/achievements/{Uri.EscapeDataString(cohortCode)}/{KindOf(kind)}");

    /// <summary>The issuer as a credential names it (a shortened profile).</summary>
    public JsonObject IssuerReference() => new()
    {
        ["id"] = IssuerId,
        ["type"] = new JsonArray("Profile"),
        ["name"] = IssuerName,
        ["url"] = urls.Absolute("/"),
        ["email"] = IssuerEmail,
    };

    /// <summary>The issuer's profile with every published key, for verifiers.</summary>
    public async Task<JsonObject> IssuerAsync(CancellationToken cancellationToken = default)
    {
        var profile = IssuerReference();
        profile["@context"] = Context();
        profile["description"] = "Issues the Champion Local Authority recognitions of the IOM Regional Office for South America under the Global Compact for Safe, Orderly and Regular Migration.";
        profile["publicKey"] = new JsonArray([.. (await keys.PublishedAsync(cancellationToken)).Select(k => (JsonNode)new JsonObject
        {
            ["id"] = urls.Absolute($"/keys/{k.KeyId}"),
            ["type"] = "JsonWebKey",
            ["publicKeyJwk"] = IssuerKeys.PublicJwk(k, urls.Absolute($"/keys/{k.KeyId}")),
        })]);
        return profile;
    }

    /// <summary>A cohort's achievement of the kind given ("person" or "local-government"); null when there is no such cohort or kind.</summary>
    public async Task<AchievementPage?> AchievementAsync(string cohortCode, string kind, CancellationToken cancellationToken = default)
    {
        CertificateKind? parsed = kind switch { PersonKind => CertificateKind.Person, LocalGovernmentKind => CertificateKind.LocalGovernment, _ => null };
        if (parsed is not { } certificateKind
            || await db.Cohorts.AsNoTracking().Where(c => c.Code == cohortCode).Select(c => new { c.Code, Name = PortalCultures.Pick(c.Name, c.NameEs, c.NamePt) }).SingleOrDefaultAsync(cancellationToken) is not { } cohort)
        {
            return null;
        }

        var achievement = Achievement(cohort.Code, cohort.Name, certificateKind);
        achievement["@context"] = Context();
        return new AchievementPage(achievement, kind, cohort.Name);
    }

    public JsonObject Achievement(string cohortCode, string cohortName, CertificateKind kind)
    {
        var id = AchievementId(cohortCode, kind);
        return new JsonObject
        {
            ["id"] = id,
            ["type"] = new JsonArray("Achievement"),
            ["achievementType"] = "Award",
            ["name"] = AchievementName(kind),
            ["description"] = $"Recognition of the Champion Local Authorities initiative of the IOM Regional Office for South America under the Global Compact for Safe, Orderly and Regular Migration, cohort {cohortName}.",
            ["criteria"] = new JsonObject
            {
                ["id"] = id,
                ["narrative"] = kind == CertificateKind.Person
                    ? "Took part in the launch forum and in the exchange and capacity-building workshop of the cohort, as the cohort's recognition rules require."
                    : "Was represented in the launch forum and in the exchange and capacity-building workshop of the cohort by a person who met the cohort's recognition rules.",
            },
            ["image"] = new JsonObject { ["id"] = $"{id}/image.svg", ["type"] = "Image", ["caption"] = AchievementName(kind) },
            ["inLanguage"] = "en",
            ["alignment"] = new JsonArray(new JsonObject
            {
                ["type"] = new JsonArray("Alignment"),
                ["targetName"] = "Global Compact for Safe, Orderly and Regular Migration",
                ["targetUrl"] = "https://undocs.org/A/RES/73/195",
                ["targetFramework"] = "United Nations General Assembly resolution 73/195",
                ["targetCode"] = "A/RES/73/195",
            }),
        };
    }
}
