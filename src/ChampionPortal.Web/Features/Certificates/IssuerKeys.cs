using System.Security.Cryptography;
using System.Text.Json.Nodes;
using ChampionPortal.Web.Data;
using ChampionPortal.Web.Domain;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.IdentityModel.Tokens;

namespace ChampionPortal.Web.Features.Certificates;

/// <summary>
/// The keys that sign the portal's credentials. The first is created when first needed; an operator rotates them
/// (<c>keys rotate</c>). Private halves are stored protected with the Data Protection keys and leave this class only
/// as a key object for signing; public halves stay published for good.
/// </summary>
public sealed class IssuerKeys(PortalDbContext db, IDataProtectionProvider protection, TimeProvider timeProvider)
{
    private IDataProtector Protector => protection.CreateProtector("ChampionPortal.Certificates.SigningKey");

    /// <summary>The key that signs now, created when there is none.</summary>
    public async Task<SigningKey> CurrentAsync(CancellationToken cancellationToken = default)
    {
        if (await db.SigningKeys.AsNoTracking().SingleOrDefaultAsync(k => k.IsCurrent, cancellationToken) is { } current)
        {
            return current;
        }

        var created = New();
        db.SigningKeys.Add(created);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return created;
        }
        catch (DbUpdateException)
        {
            // Another instance created the first key at the same moment: one current key stands (a unique index).
            db.Entry(created).State = EntityState.Detached;
            return await db.SigningKeys.AsNoTracking().SingleAsync(k => k.IsCurrent, cancellationToken);
        }
    }

    /// <summary>Retires the current key (still published) and makes a new one current; the new key.</summary>
    public async Task<SigningKey> RotateAsync(CancellationToken cancellationToken = default)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (await db.SigningKeys.SingleOrDefaultAsync(k => k.IsCurrent, cancellationToken) is { } current)
        {
            current.IsCurrent = false;
            current.RetiredAtUtc = timeProvider.GetUtcNow().UtcDateTime;
            await db.SaveChangesAsync(cancellationToken);
        }

        var created = New();
        db.SigningKeys.Add(created);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return created;
    }

    /// <summary>Every key ever used, current first: what verifiers may need.</summary>
    public Task<List<SigningKey>> PublishedAsync(CancellationToken cancellationToken = default) =>
        db.SigningKeys.AsNoTracking().OrderByDescending(k => k.IsCurrent).ThenByDescending(k => k.CreatedAtUtc).ToListAsync(cancellationToken);

    public Task<SigningKey?> FindAsync(string keyId, CancellationToken cancellationToken = default) =>
        db.SigningKeys.AsNoTracking().SingleOrDefaultAsync(k => k.KeyId == keyId, cancellationToken);

    /// <summary>The key's private half, for signing; the caller disposes it.</summary>
    public RSA PrivateKey(SigningKey key)
    {
        var rsa = RSA.Create();
        rsa.ImportPkcs8PrivateKey(Protector.Unprotect(Convert.FromBase64String(key.ProtectedPrivateKey)), out _);
        return rsa;
    }

    /// <summary>The key's public half as a JSON Web Key named by <paramref name="keyUrl"/>.</summary>
    public static JsonObject PublicJwk(SigningKey key, string keyUrl)
    {
        var jwk = JsonNode.Parse(key.PublicJwk)!.AsObject();
        jwk["kid"] = keyUrl;
        return jwk;
    }

    private SigningKey New()
    {
        using var rsa = RSA.Create(2048);
        var now = timeProvider.GetUtcNow().UtcDateTime;
        var parameters = rsa.ExportParameters(includePrivateParameters: false);
        var jwk = new JsonObject
        {
            ["kty"] = "RSA",
            ["use"] = "sig",
            ["alg"] = SecurityAlgorithms.RsaSha256,
            ["n"] = Base64UrlEncoder.Encode(parameters.Modulus),
            ["e"] = Base64UrlEncoder.Encode(parameters.Exponent),
        };
        return new SigningKey
        {
            KeyId = $"{now:yyyyMMdd}-{Convert.ToHexString(RandomNumberGenerator.GetBytes(4)).ToLowerInvariant()}",
            PublicJwk = jwk.ToJsonString(),
            ProtectedPrivateKey = Convert.ToBase64String(Protector.Protect(rsa.ExportPkcs8PrivateKey())),
            CreatedAtUtc = now,
            IsCurrent = true,
        };
    }
}
