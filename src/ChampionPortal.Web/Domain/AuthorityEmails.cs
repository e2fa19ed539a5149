namespace ChampionPortal.Web.Domain;

/// <summary>
/// One address, one person: addresses compare as <see cref="SearchText.Email"/> writes them (spaces and case ignored),
/// wherever a person is looked up or an address is checked as taken.
/// </summary>
public static class AuthorityEmails
{
    public static IQueryable<Authority> WithEmail(this IQueryable<Authority> authorities, string? email)
    {
        var normalized = SearchText.Email(email);
        return authorities.Where(a => normalized.Length > 0 && a.EmailNormalized == normalized);
    }
}
