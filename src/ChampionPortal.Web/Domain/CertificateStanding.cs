namespace ChampionPortal.Web.Domain;

/// <summary>
/// The one rule for who stands recognized, used wherever champions are counted or listed: the dashboard's funnel, the
/// public directory, its map and open data, the home page's figures, eligibility and issuance. A recipient stands
/// recognized while a certificate of theirs is valid. A local government's certificate stands on its own: revoking
/// the certificates of the people who represented it does not withdraw it; only revoking it does.
/// </summary>
public static class Recognition
{
    public static IQueryable<Certificate> Standing(this IQueryable<Certificate> certificates) =>
        certificates.Where(c => c.Status == CertificateStatus.Valid);
}
