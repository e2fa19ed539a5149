namespace ChampionPortal.Web.Domain;

/// <summary>
/// A key that signs the portal's Open Badges credentials. The private half is kept protected by the Data Protection
/// keys (so every instance signs with it and a restore brings it back); the public half is published, and stays
/// published after the key is retired so that what it signed keeps verifying.
/// </summary>
public class SigningKey
{
    public int Id { get; set; }

    /// <summary>The key's name in the published key set and in the credentials' "kid".</summary>
    public required string KeyId { get; set; }

    /// <summary>The public key as a JSON Web Key.</summary>
    public required string PublicJwk { get; set; }

    /// <summary>The private key (PKCS#8), protected with the Data Protection keys; never shown or exported.</summary>
    public required string ProtectedPrivateKey { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    public DateTime? RetiredAtUtc { get; set; }

    /// <summary>True for the one key that signs now.</summary>
    public bool IsCurrent { get; set; }
}

/// <summary>
/// A W3C Bitstring Status List of the portal's credentials: each credential holds one position, given once and never
/// again; a set bit says the credential was revoked (or superseded).
/// </summary>
public class StatusList
{
    /// <summary>Positions in a list: the specification's minimum, so that a position says nothing about a person.</summary>
    public const int Length = 131_072;

    public int Id { get; set; }
    public required string Purpose { get; set; }

    /// <summary>How many positions have been given out (in a scattered order, see <c>StatusLists</c>).</summary>
    public int Allocated { get; set; }
}
