using System.Text.Json.Nodes;
using ChampionPortal.Web.Infrastructure.Localization;
using ChampionPortal.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace ChampionPortal.Web.Features.Certificates;

/// <summary>
/// What a verifier fetches to check a credential, public and without personal data: the issuer's profile, the
/// public keys, each cohort's achievements and the revocation status lists. JSON to programs (Accept:
/// application/json or application/ld+json), a page to browsers where a person may land.
/// </summary>
[AllowAnonymous, EnableRateLimiting(RateLimits.PublicLinks)]
public sealed class OpenBadgesController(OpenBadgeProfiles profiles, IssuerKeys keys, CredentialSigner signer, CertificateStatusLists statusLists) : Controller
{
    // Short: a revocation shows in the status list within a minute; keys and profiles change as rarely as that too.
    private const string ShortCache = "public, max-age=60";

    /// <summary>Verifiers that run in a browser (web wallets) read these from other sites; nothing here is personal.</summary>
    private void Public()
    {
        Response.Headers.CacheControl = ShortCache;
        Response.Headers.AccessControlAllowOrigin = "*";
    }

    [HttpGet(OpenBadgeProfiles.IssuerPath)]
    public async Task<IActionResult> Issuer(CancellationToken cancellationToken)
    {
        var profile = await profiles.IssuerAsync(cancellationToken);
        return WantsJson() ? Json(profile) : View(profile);
    }

    [HttpGet("/.well-known/jwks.json")]
    public async Task<IActionResult> KeySet(CancellationToken cancellationToken) =>
        Json(new JsonObject { ["keys"] = new JsonArray([.. (await keys.PublishedAsync(cancellationToken)).Select(k => (JsonNode)IssuerKeys.PublicJwk(k, signer.KeyUrl(k.KeyId)))]) });

    [HttpGet("/keys/{keyId}")]
    public async Task<IActionResult> Key(string keyId, CancellationToken cancellationToken) =>
        await keys.FindAsync(keyId, cancellationToken) is { } key ? Json(IssuerKeys.PublicJwk(key, signer.KeyUrl(key.KeyId))) : NotFound();

    /// <summary>The achievement's English edition, at the address without a language, and its Spanish and Portuguese ones.</summary>
    [HttpGet("/achievements/{cohortCode}/{kind}")]
    [HttpGet("/achievements/{cohortCode}/{kind}/{language:regex(^(es|pt)$)}")]
    public async Task<IActionResult> Achievement(string cohortCode, string kind, string? language, CancellationToken cancellationToken)
    {
        if (await profiles.AchievementAsync(cohortCode, kind, language ?? PortalCultures.Default, cancellationToken) is not { } achievement)
        {
            return NotFound();
        }

        return WantsJson() ? Json(achievement.Json) : View(achievement);
    }

    [HttpGet("/achievements/{cohortCode}/{kind}/image.svg")]
    [HttpGet("/achievements/{cohortCode}/{kind}/{language:regex(^(es|pt)$)}/image.svg")]
    public async Task<IActionResult> AchievementImage(string cohortCode, string kind, string? language, CancellationToken cancellationToken)
    {
        if (await profiles.AchievementAsync(cohortCode, kind, language ?? PortalCultures.Default, cancellationToken) is not { } achievement)
        {
            return NotFound();
        }

        Public();
        return Content(BadgeImage.Svg(achievement.Json["name"]!.GetValue<string>(), null), "image/svg+xml");
    }

    /// <summary>The status list: signed (VC-JWT) by default, as verifiers fetch it; its JSON to Accept: application/json.</summary>
    [HttpGet("/status-lists/{id:int}")]
    public async Task<IActionResult> StatusList(int id, CancellationToken cancellationToken)
    {
        if (await statusLists.CredentialAsync(id, cancellationToken) is not { } list)
        {
            return NotFound();
        }

        Public();
        return WantsJson() ? Json(list.Credential) : Content(list.Jwt, "application/vc+jwt");
    }

    private JsonResult Json(JsonNode node)
    {
        Public();
        return new JsonResult(node) { ContentType = Request.Headers.Accept.ToString().Contains("application/ld+json", StringComparison.OrdinalIgnoreCase) ? "application/ld+json" : "application/json" };
    }

    private bool WantsJson()
    {
        var accept = Request.Headers.Accept.ToString();
        return accept.Contains("application/json", StringComparison.OrdinalIgnoreCase) || accept.Contains("application/ld+json", StringComparison.OrdinalIgnoreCase);
    }
}
