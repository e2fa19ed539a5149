using System.Text.Json.Nodes;
using ChampionPortal.Web.Infrastructure.Web;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace ChampionPortal.Web.Features.Certificates;

/// <summary>
/// Signs a credential as a VC-JWT (the Open Badges 3.0 JSON Web Token proof format): RS256, typ JWT, and a kid that
/// is the address of the public key on this portal. The payload is the credential itself.
/// </summary>
public sealed class CredentialSigner(IssuerKeys keys, PublicUrls urls)
{
    public string KeyUrl(string keyId) => urls.Absolute($"/keys/{keyId}");

    public async Task<string> SignAsync(JsonObject credential, CancellationToken cancellationToken = default)
    {
        var key = await keys.CurrentAsync(cancellationToken);
        using var rsa = keys.PrivateKey(key);

        // Not cached: the key object is disposed right after, and the next signature may come from a rotated key.
        var securityKey = new RsaSecurityKey(rsa) { KeyId = KeyUrl(key.KeyId), CryptoProviderFactory = new CryptoProviderFactory { CacheSignatureProviders = false } };
        var handler = new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false };
        return handler.CreateToken(credential.ToJsonString(), new SigningCredentials(securityKey, SecurityAlgorithms.RsaSha256));
    }
}
