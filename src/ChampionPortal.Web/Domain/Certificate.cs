namespace ChampionPortal.Web.Domain;

public enum CertificateKind
{
    Person,
    LocalGovernment,
}

public enum CertificateStatus
{
    Valid,
    Superseded,
    Revoked,
}

/// <summary>
/// A "Champion Local Authority" recognition for a person or a local government. Issued certificates are immutable:
/// the PDF is stored with its SHA-256; a correction issues a new certificate that supersedes this one.
/// </summary>
public class Certificate : ICountryScoped, ICountedInCohortFigures
{
    /// <summary>The longest revocation or reissue reason kept.</summary>
    public const int ReasonMaxLength = 1000;

    public int Id { get; set; }
    public int CohortId { get; set; }
    public Cohort? Cohort { get; set; }
    public CertificateKind Kind { get; set; }
    public int? AuthorityId { get; set; }
    public int LocalGovernmentId { get; set; }
    public required string CountryCode { get; set; }
    public required string Serial { get; set; }
    public required string VerificationCode { get; set; }
    public required string Language { get; set; }
    [PersonalField] public required string RecipientName { get; set; }
    public string? Position { get; set; }
    public required string LocalGovernmentName { get; set; }
    public DateOnly IssuedOn { get; set; }
    public string? SignatoryName { get; set; }
    public string? SignatoryTitle { get; set; }
    public CertificateStatus Status { get; set; }
    public int? SupersededById { get; set; }
    public DateTime? RevokedAtUtc { get; set; }
    public string? RevocationReason { get; set; }

    /// <summary>Why staff issued a revoked certificate's recipient a new one (the new one is <see cref="SupersededById"/>).</summary>
    public string? ReissueReason { get; set; }
    public required byte[] Pdf { get; set; }
    public required string Sha256 { get; set; }

    /// <summary>The recipient for whom at most one valid certificate exists per cohort: "P:{authority}" or "G:{local government}".</summary>
    public required string RecipientKey { get; set; }

    /// <summary>
    /// The person's e-mail address as the Open Badges credential names them: "sha256$…" of the address and
    /// <see cref="RecipientSalt"/>, taken when first needed; none for a local government's certificate.
    /// </summary>
    [PersonalField] public string? RecipientIdentity { get; set; }
    public string? RecipientSalt { get; set; }

    /// <summary>The credential's position in a revocation status list: given once, never reused.</summary>
    public int? StatusListId { get; set; }
    public int? StatusListIndex { get; set; }
}

public enum IssuanceItemStatus
{
    Pending,
    Issued,

    /// <summary>The recipient already had a valid certificate in the cohort (another run, or another instance, issued it).</summary>
    Skipped,
    Failed,
}

/// <summary>
/// Staff's request to issue certificates to a cohort's recipients. Its items are worked through in the background,
/// one claimed row at a time, by whichever portal instance gets there first; a restart resumes with the items still
/// pending. Its progress is counted from the items, so no instance has to write a shared counter.
/// </summary>
public class CertificateIssuance
{
    public int Id { get; set; }
    public int CohortId { get; set; }
    public Cohort? Cohort { get; set; }
    public bool Notify { get; set; }
    public string? RequestedBy { get; set; }
    public DateTime RequestedAtUtc { get; set; }

    /// <summary>The portal's address when the issuance was requested, for the verification links printed on certificates issued later in the background.</summary>
    public string? PublicBaseUrl { get; set; }
    public List<CertificateIssuanceItem> Items { get; set; } = [];
}

/// <summary>One recipient ("P:{authority}" or "G:{local government}") of an issuance.</summary>
public class CertificateIssuanceItem
{
    public long Id { get; set; }
    public int IssuanceId { get; set; }
    public required string RecipientKey { get; set; }
    public IssuanceItemStatus Status { get; set; }
    public int? CertificateId { get; set; }
    public DateTime? ProcessedAtUtc { get; set; }
    public string? Error { get; set; }
}

/// <summary>
/// An image an Administrator or regional staff uploaded for certificates: the logos at the top ("logo-1", "logo-2")
/// and a cohort's signature ("signature-{cohort}"). PNG or JPEG, checked by content.
/// </summary>
public class CertificateArtwork
{
    public required string Key { get; set; }
    public required string ContentType { get; set; }
    public required byte[] Content { get; set; }
    public DateTime UploadedAtUtc { get; set; }
}
