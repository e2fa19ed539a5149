using System.Globalization;
using System.Text.Json.Nodes;
using ChampionPortal.Web.Data;
using ChampionPortal.Web.Domain;
using ChampionPortal.Web.Infrastructure.Email;
using ChampionPortal.Web.Infrastructure.Localization;
using ChampionPortal.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace ChampionPortal.Web.Features.Certificates;

/// <summary>
/// An achievement as verifiers read it (<paramref name="Json"/>, the edition of one language) and what its page says
/// in the reader's language, with the badge image of the reader's edition.
/// </summary>
public sealed record AchievementPage(JsonObject Json, string Kind, string CohortName, string ImageUrl);

/// <summary>
/// The public descriptions a credential points to: the issuer's profile (with its public keys) and each cohort's two
/// achievements (a person's and a local government's), at stable addresses on the portal.
/// </summary>
public sealed class OpenBadgeProfiles(
    PortalDbContext db, IssuerKeys keys, PublicUrls urls, IConfiguration configuration, IOptions<EmailOptions> email, IStringLocalizer<CertificatesResources> text)
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

    public static string KindOf(CertificateKind kind) => kind == CertificateKind.Person ? PersonKind : LocalGovernmentKind;

    public string IssuerId => urls.Absolute(IssuerPath);

    /// <summary>The address the issuer's profile gives for contact: the configured one, else the portal's sender.</summary>
    public string IssuerEmail => configuration["Certificates:IssuerEmail"] is { Length: > 0 } configured ? configured : email.Value.FromAddress;

    /// <summary>
    /// Where an achievement's edition in a language is published. The English edition keeps the address that
    /// credentials issued before there were editions point to; the others add their language to it.
    /// </summary>
    public string AchievementId(string cohortCode, CertificateKind kind, string language) =>
        urls.Absolute($"/achievements/{Uri.EscapeDataString(cohortCode)}/{KindOf(kind)}{(language == PortalCultures.Default ? "" : "/" + language)}");

    /// <summary>The achievement's name in a language, as credentials, achievements and badge images give it.</summary>
    public string AchievementName(CertificateKind kind, string language)
    {
        using (PortalCultures.In(language))
        {
            return text["Achievement_Name_" + KindOf(kind)];
        }
    }

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

    /// <summary>
    /// A cohort's achievement of the kind given ("person" or "local-government"), in the edition of the language given;
    /// null when there is no such cohort, kind or language.
    /// </summary>
    public async Task<AchievementPage?> AchievementAsync(string cohortCode, string kind, string language, CancellationToken cancellationToken = default)
    {
        CertificateKind? parsed = kind switch { PersonKind => CertificateKind.Person, LocalGovernmentKind => CertificateKind.LocalGovernment, _ => null };
        if (parsed is not { } certificateKind || !PortalCultures.IsSupported(language)
            || await db.Cohorts.AsNoTracking().Where(c => c.Code == cohortCode).SingleOrDefaultAsync(cancellationToken) is not { } cohort)
        {
            return null;
        }

        var achievement = Achievement(cohort, certificateKind, language);
        achievement["@context"] = Context();
        return new AchievementPage(
            achievement, kind, PortalCultures.Pick(cohort.Name, cohort.NameEs, cohort.NamePt), AchievementId(cohort.Code, certificateKind, PortalCultures.Current) + "/image.svg");
    }

    /// <summary>
    /// The achievement in one language (its <c>inLanguage</c>), naming its editions in the other languages as Open
    /// Badges 3.0 does, with <c>related</c>: a wallet shows the holder's, a verifier may follow the others.
    /// </summary>
    public JsonObject Achievement(Cohort cohort, CertificateKind kind, string language)
    {
        var id = AchievementId(cohort.Code, kind, language);
        var name = AchievementName(kind, language);
        using (PortalCultures.In(language))
        {
            return new JsonObject
            {
                ["id"] = id,
                ["type"] = new JsonArray("Achievement"),
                ["achievementType"] = "Award",
                ["name"] = name,
                ["description"] = text["Achievement_Description", PortalCultures.Pick(cohort.Name, cohort.NameEs, cohort.NamePt, language)].Value,
                ["criteria"] = new JsonObject { ["id"] = id, ["narrative"] = text["Achievement_Criteria_" + KindOf(kind)].Value },
                ["image"] = new JsonObject { ["id"] = $"{id}/image.svg", ["type"] = "Image", ["caption"] = name },
                ["inLanguage"] = language,
                ["related"] = new JsonArray([.. PortalCultures.Supported.Where(other => other != language).Select(other => (JsonNode)new JsonObject
                {
                    ["id"] = AchievementId(cohort.Code, kind, other),
                    ["type"] = new JsonArray("Related"),
                    ["inLanguage"] = other,
                })]),
                ["alignment"] = new JsonArray(new JsonObject
                {
                    ["type"] = new JsonArray("Alignment"),
                    ["targetName"] = text["Achievement_GcmName"].Value,
                    ["targetUrl"] = "https://undocs.org/A/RES/73/195",
                    ["targetFramework"] = "United Nations General Assembly resolution 73/195",
                    ["targetCode"] = "A/RES/73/195",
                }),
            };
        }
    }
}
