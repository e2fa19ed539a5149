using Microsoft.AspNetCore.Identity;

namespace ChampionPortal.Web.Domain;

public class PortalUser : IdentityUser<int>
{
    [PersonalData] public string FullName { get; set; } = "";
    public string PreferredLanguage { get; set; } = "es";

    /// <summary>
    /// Whether the person chose <see cref="PreferredLanguage"/> (with the language switcher or on the profile). Until
    /// then it is a guess, made by whoever created the account, and each sign-in replaces it with the language of the
    /// page the person signed in on.
    /// </summary>
    public bool LanguageChosen { get; set; }

    /// <summary>Set for CountryOffice users: the one country they work for.</summary>
    public string? CountryCode { get; set; }

    /// <summary>Set for Authority users: the one authority record they are.</summary>
    public int? AuthorityId { get; set; }
    public bool IsActive { get; set; } = true;
    public DateTime CreatedAtUtc { get; set; }

    /// <summary>
    /// For roles that must use two-factor sign-in: from when the portal insists. Set at the first sign-in in such a
    /// role, to that moment plus the grace period.
    /// </summary>
    public DateTime? TwoFactorRequiredFromUtc { get; set; }
}

public class PortalRole : IdentityRole<int>
{
    public PortalRole()
    {
    }

    public PortalRole(string name) : base(name)
    {
    }
}

public static class Roles
{
    public const string Administrator = nameof(Administrator);
    public const string RegionalStaff = nameof(RegionalStaff);
    public const string CountryOffice = nameof(CountryOffice);
    public const string Authority = nameof(Authority);

    public static readonly IReadOnlyList<string> All = [Administrator, RegionalStaff, CountryOffice, Authority];

    /// <summary>Roles that reach every country's personal data: their accounts must use two-factor sign-in.</summary>
    public static readonly IReadOnlyList<string> RequiringTwoFactor = [Administrator, RegionalStaff];
}
