namespace ChampionPortal.Web.Infrastructure.Tabular;

/// <summary>The columns of the authorities and local governments file, shared by the import, its template and the export.</summary>
public static class DirectoryColumns
{
    public const string CountryCode = "country_code";
    public const string LocalGovernment = "local_government";
    public const string LocalGovernmentKind = "local_government_kind";
    public const string AuthorityName = "authority_name";
    public const string Position = "position";
    public const string Email = "email";
    public const string Phone = "phone";
    public const string PreferredLanguage = "preferred_language";
    public const string Gender = "gender";

    /// <summary>
    /// The example row of the import template. Left in a filled-in template, it is recognized by its address
    /// (example.org never receives mail) and skipped, instead of becoming a real person.
    /// </summary>
    public static readonly IReadOnlyList<string?> ExampleRow =
        ["AR", "Rosario", "Municipality", "María José Pérez", "Secretaria de Derechos Humanos", "maria.perez@example.org", "", "es", "Woman"];

    public static readonly IReadOnlyList<string> All =
        [CountryCode, LocalGovernment, LocalGovernmentKind, AuthorityName, Position, Email, Phone, PreferredLanguage, Gender];

    public static readonly IReadOnlyList<string> Required = [CountryCode, LocalGovernment, AuthorityName, Position, Email];
}
