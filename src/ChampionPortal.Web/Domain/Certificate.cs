using ChampionPortal.Web.Infrastructure.Auditing;

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
public class Certificate : ICountryScoped
{
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
    public required byte[] Pdf { get; set; }
    public required string Sha256 { get; set; }

    /// <summary>The recipient for whom at most one valid certificate exists per cohort: "P:{authority}" or "G:{local government}".</summary>
    public required string RecipientKey { get; set; }
}
