using System.Text.Json;
using System.Text.Json.Nodes;
using ChampionPortal.Web.Data;
using ChampionPortal.Web.Domain;
using ChampionPortal.Web.Infrastructure.Localization;
using ChampionPortal.Web.Infrastructure.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace ChampionPortal.Web.Features.Certificates;

/// <summary>What the check of a pasted or uploaded credential found, in the order it checks.</summary>
public enum CredentialCheck
{
    /// <summary>Neither a signed credential, a credential's JSON nor a badge image carrying one.</summary>
    Unreadable,

    /// <summary>Signed or issued by someone else: this portal cannot speak for it.</summary>
    Foreign,

    /// <summary>Names this portal's key, but the signature does not match the content: something was changed.</summary>
    Tampered,

    /// <summary>A readable copy without a signature: it proves nothing by itself; the portal's record is shown.</summary>
    Unsigned,

    /// <summary>Signed by this portal, and revoked or replaced since (its status bit is set).</summary>
    Revoked,
    NotYetValid,
    Expired,
    Valid,
}

/// <summary>The answer about a credential; the recipient and the rest only where the credential is this portal's.</summary>
public sealed record CredentialVerdict(CredentialCheck Check, string? RecipientName = null, string? Achievement = null, string? ValidFrom = null, string? VerificationCode = null)
{
    /// <summary>The achievement's page on this portal, where the credential names one of this portal's.</summary>
    public string? AchievementUrl { get; init; }

    /// <summary>The language the credential names its achievement in (one of the portal's), for the page to mark it.</summary>
    public string? AchievementLanguage { get; init; }

    /// <summary>For an unsigned copy of one of this portal's credentials: the status the portal's record gives.</summary>
    public CertificateStatus? RecordStatus { get; init; }
}

/// <summary>
/// Checks a credential someone pastes or uploads (a VC-JWT, its JSON, or a badge image with one baked in): the
/// signature against the published key it names, whether this portal issued it, its status in the revocation list,
/// and its dates.
/// </summary>
public sealed class CredentialVerifier(
    PortalDbContext db, IssuerKeys keys, CredentialSigner signer, OpenBadgeProfiles profiles, CertificateStatusLists statusLists, TimeProvider timeProvider)
{
    /// <summary>The most a pasted or uploaded credential may hold (a badge image with its credential is far below).</summary>
    public const int MaxLength = 512 * 1024;

    public async Task<CredentialVerdict> VerifyAsync(string? text, CancellationToken cancellationToken = default)
    {
        text = text?.Trim() ?? "";
        if (text.StartsWith('<'))
        {
            text = BadgeImage.BakedCredential(text) ?? "";
        }

        var handler = new JsonWebTokenHandler();
        if (text.Length is > 0 and <= MaxLength && text.Count(c => c == '.') == 2 && handler.CanReadToken(text))
        {
            return await SignedAsync(handler, text, cancellationToken);
        }

        return Json(text) is { } credential ? await UnsignedAsync(credential, cancellationToken) : new CredentialVerdict(CredentialCheck.Unreadable);
    }

    private async Task<CredentialVerdict> SignedAsync(JsonWebTokenHandler handler, string jwt, CancellationToken cancellationToken)
    {
        var token = handler.ReadJsonWebToken(jwt);
        var keyPrefix = signer.KeyUrl("");
        if (token.Kid is not { } kid || !kid.StartsWith(keyPrefix, StringComparison.Ordinal)
            || await keys.FindAsync(kid[keyPrefix.Length..], cancellationToken) is not { } key)
        {
            return new CredentialVerdict(CredentialCheck.Foreign);
        }

        var result = await handler.ValidateTokenAsync(jwt, new TokenValidationParameters
        {
            IssuerSigningKey = new JsonWebKey(key.PublicJwk),
            ValidAlgorithms = [SecurityAlgorithms.RsaSha256],
            ValidateIssuer = false,
            ValidateAudience = false,
            ValidateLifetime = false,
            RequireExpirationTime = false,
        });
        if (!result.IsValid || Json(Base64UrlEncoder.Decode(token.EncodedPayload)) is not { } credential)
        {
            return new CredentialVerdict(CredentialCheck.Tampered);
        }

        if (Issuer(credential) != profiles.IssuerId)
        {
            return new CredentialVerdict(CredentialCheck.Foreign);
        }

        var verdict = Describe(credential);
        var now = timeProvider.GetUtcNow().UtcDateTime;
        var check = await RevokedAsync(credential, cancellationToken) ? CredentialCheck.Revoked
            : Date(Text(credential, "validFrom")) > now ? CredentialCheck.NotYetValid
            : Date(Text(credential, "validUntil")) is { } until && until < now ? CredentialCheck.Expired
            : CredentialCheck.Valid;
        return verdict with { Check = check };
    }

    private async Task<CredentialVerdict> UnsignedAsync(JsonObject credential, CancellationToken cancellationToken)
    {
        if (Issuer(credential) != profiles.IssuerId)
        {
            return new CredentialVerdict(CredentialCheck.Foreign);
        }

        var verdict = Describe(credential);
        var code = ReadableCode.Normalize(verdict.VerificationCode);
        var status = code.Length == 0 ? null
            : await db.Certificates.AsNoTracking().Where(c => c.VerificationCode == code).Select(c => (CertificateStatus?)c.Status).SingleOrDefaultAsync(cancellationToken);
        return verdict with { Check = CredentialCheck.Unsigned, RecordStatus = status };
    }

    /// <summary>Whether the credential's bit is set in this portal's revocation list (the list is built from the same records).</summary>
    private async Task<bool> RevokedAsync(JsonObject credential, CancellationToken cancellationToken)
    {
        if (!statusLists.TryParseUrl(Text(credential, "credentialStatus", "statusListCredential"), out var listId)
            || !int.TryParse(Text(credential, "credentialStatus", "statusListIndex"), out var index))
        {
            // A credential of this portal always carries its entry; one without it cannot be shown to stand.
            return true;
        }

        // No certificate holds that position: nothing of this portal's stands behind it.
        var status = await db.Certificates.Where(c => c.StatusListId == listId && c.StatusListIndex == index)
            .Select(c => (CertificateStatus?)c.Status).SingleOrDefaultAsync(cancellationToken);
        return status != CertificateStatus.Valid;
    }

    private static CredentialVerdict Describe(JsonObject credential)
    {
        var id = Text(credential, "id") ?? "";
        var code = id.Contains("/verify/", StringComparison.Ordinal) ? id[(id.LastIndexOf('/') + 1)..] : null;
        return new CredentialVerdict(
            CredentialCheck.Valid,
            Text(credential, "credentialSubject", "name"),
            Text(credential, "credentialSubject", "achievement", "name"),
            Text(credential, "validFrom"),
            code)
        {
            AchievementUrl = Text(credential, "credentialSubject", "achievement", "id"),
            AchievementLanguage = Text(credential, "credentialSubject", "achievement", "inLanguage") is { } language && PortalCultures.IsSupported(language) ? language : null,
        };
    }

    private static string? Issuer(JsonObject credential) => Text(credential, "issuer", "id") ?? Text(credential, "issuer");

    /// <summary>The text at the path, or null where any step is missing or of another kind (a pasted credential may hold anything).</summary>
    private static string? Text(JsonNode? node, params string[] path)
    {
        foreach (var name in path)
        {
            node = node is JsonObject item ? item[name] : null;
        }

        return node is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
    }

    private static DateTime? Date(string? value) =>
        DateTime.TryParse(value, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AdjustToUniversal | System.Globalization.DateTimeStyles.AssumeUniversal, out var date)
            ? date
            : null;

    private static JsonObject? Json(string text)
    {
        try
        {
            return text.Length is > 0 and <= MaxLength ? JsonNode.Parse(text) as JsonObject : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
