using System.IO.Compression;
using System.Text.Json.Nodes;
using ChampionPortal.Web.Data;
using ChampionPortal.Web.Domain;
using ChampionPortal.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.IdentityModel.Tokens;

namespace ChampionPortal.Web.Features.Certificates;

/// <summary>A credential's position in a status list.</summary>
public sealed record StatusPosition(int ListId, int Index);

/// <summary>
/// The revocation status lists of the portal's credentials (W3C Bitstring Status List v1.0). Each credential gets a
/// position when issued; positions are handed out in a scattered order from a counter, so they are never reused and
/// neighbours in the list are not neighbours in time. The list is built from the certificates' status when asked
/// for, so a revocation or a supersession shows at once.
/// </summary>
public sealed class CertificateStatusLists(
    PortalDbContext db, IDatabaseDialect dialect, IServiceScopeFactory scopes, CredentialSigner signer, PublicUrls urls, TimeProvider timeProvider)
{
    public const string Revocation = "revocation";

    /// <summary>The list's address: its credential's id, and what each entry points to.</summary>
    public string Url(int listId) => urls.Absolute($"/status-lists/{listId}");

    /// <summary>The list a status list address names, when it is one of this portal's.</summary>
    public bool TryParseUrl(string? url, out int listId)
    {
        listId = 0;
        var prefix = Url(0)[..^1];
        return url is not null && url.StartsWith(prefix, StringComparison.Ordinal)
            && int.TryParse(url[prefix.Length..], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out listId);
    }

    /// <summary>
    /// The position of the <paramref name="sequence"/>-th credential in a list. An odd multiplier is a one-to-one map
    /// of the numbers below a power of two, so every sequence number has a position of its own.
    /// </summary>
    public static int Scatter(int sequence) => (int)(((long)sequence * 40_503 + 12_345) % StatusList.Length);

    /// <summary>
    /// Reserves positions for <paramref name="count"/> credentials. As serial numbers are, on PostgreSQL in a
    /// connection of its own that commits at once: concurrent issuances never take the same position, and a position
    /// reserved for a batch that fails stays unused.
    /// </summary>
    public async Task<List<StatusPosition>> ReserveAsync(int count, CancellationToken cancellationToken = default)
    {
        const string take = """
            UPDATE "StatusLists" SET "Allocated" = "Allocated" + {0}
            WHERE "Id" = (SELECT MAX("Id") FROM "StatusLists") AND "Allocated" + {0} <= {1}
            RETURNING "Id", "Allocated"
            """;
        const string open = """INSERT INTO "StatusLists" ("Purpose", "Allocated") VALUES ({0}, {1}) RETURNING "Id", "Allocated" """;
        using var scope = dialect.Provider == DatabaseProvider.Sqlite ? null : scopes.CreateScope();
        var target = scope?.ServiceProvider.GetRequiredService<PortalDbContext>() ?? db;
        var counter = (await target.Database.SqlQueryRaw<ListCounter>(take, count, StatusList.Length).ToListAsync(cancellationToken)).SingleOrDefault()
            ?? (await target.Database.SqlQueryRaw<ListCounter>(open, Revocation, count).ToListAsync(cancellationToken)).Single();
        return [.. Enumerable.Range(counter.Allocated - count, count).Select(s => new StatusPosition(counter.Id, Scatter(s)))];
    }

    /// <summary>The entry a credential carries: where its bit is, and what a set bit means.</summary>
    public JsonObject Entry(StatusPosition position) => new()
    {
        ["id"] = $"{Url(position.ListId)}#{position.Index}",
        ["type"] = "BitstringStatusListEntry",
        ["statusPurpose"] = Revocation,
        ["statusListIndex"] = position.Index.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["statusListCredential"] = Url(position.ListId),
    };

    /// <summary>The list as a credential (JSON) and signed (VC-JWT); null when there is no such list.</summary>
    public async Task<(JsonObject Credential, string Jwt)?> CredentialAsync(int listId, CancellationToken cancellationToken = default)
    {
        if (!await db.StatusLists.AnyAsync(l => l.Id == listId, cancellationToken))
        {
            return null;
        }

        var set = await db.Certificates.AsNoTracking()
            .Where(c => c.StatusListId == listId && c.StatusListIndex != null && c.Status != CertificateStatus.Valid)
            .Select(c => c.StatusListIndex!.Value).ToListAsync(cancellationToken);
        var now = timeProvider.GetUtcNow();
        var credential = new JsonObject
        {
            ["@context"] = new JsonArray("https://www.w3.org/ns/credentials/v2"),
            ["id"] = Url(listId),
            ["type"] = new JsonArray("VerifiableCredential", "BitstringStatusListCredential"),
            ["issuer"] = urls.Absolute(OpenBadgeProfiles.IssuerPath),
            ["validFrom"] = OpenBadgeProfiles.Timestamp(now.UtcDateTime),
            ["credentialSubject"] = new JsonObject
            {
                ["id"] = $"{Url(listId)}#list",
                ["type"] = "BitstringStatusList",
                ["statusPurpose"] = Revocation,
                ["encodedList"] = Encode(set),
            },
            ["iss"] = urls.Absolute(OpenBadgeProfiles.IssuerPath),
            ["jti"] = Url(listId),
            ["nbf"] = now.ToUnixTimeSeconds(),
        };
        return (credential, await signer.SignAsync(credential, cancellationToken));
    }

    /// <summary>
    /// The bitstring as the specification encodes it: position 0 is the first byte's highest bit; GZIP-compressed,
    /// then base64url without padding behind the multibase prefix "u".
    /// </summary>
    public static string Encode(IEnumerable<int> setPositions)
    {
        var bits = new byte[StatusList.Length / 8];
        foreach (var position in setPositions)
        {
            bits[position / 8] |= (byte)(0x80 >> (position % 8));
        }

        using var compressed = new MemoryStream();
        using (var gzip = new GZipStream(compressed, CompressionLevel.Optimal, leaveOpen: true))
        {
            gzip.Write(bits);
        }

        return "u" + Base64UrlEncoder.Encode(compressed.ToArray());
    }

    private sealed class ListCounter
    {
        public int Id { get; set; }
        public int Allocated { get; set; }
    }
}
