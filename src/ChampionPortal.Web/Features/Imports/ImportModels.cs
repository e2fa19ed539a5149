namespace ChampionPortal.Web.Features.Imports;

/// <summary>Marker for this feature's resource files (ImportsResources.resx, .es.resx, .pt.resx).</summary>
public sealed class ImportsResources;

/// <summary>One data row of an import file, by its row number in the file (the header is row 1).</summary>
public sealed record ImportRow(
    int RowNumber, string CountryCode, string LocalGovernment, string? LocalGovernmentKind, string AuthorityName, string Position,
    string Email, string? Phone, string? PreferredLanguage, string? Gender);

/// <summary>A reason a file or a row is refused: a resource key and its arguments, translated when shown.</summary>
public sealed record ImportProblem(int? RowNumber, string Key, params object[] Arguments);

/// <summary>What a file will change, by name: staff check who is created and who updated before confirming.</summary>
public sealed record ImportPreview(
    string? Token, string FileName, IReadOnlyList<string> AuthoritiesCreated, IReadOnlyList<string> AuthoritiesUpdated,
    IReadOnlyList<string> LocalGovernmentsCreated, IReadOnlyList<string> LocalGovernmentsUpdated, IReadOnlyList<ImportProblem> Problems)
{
    public bool CanCommit => Token is not null && Problems.Count == 0;

    public int AuthoritiesToCreate => AuthoritiesCreated.Count;
    public int AuthoritiesToUpdate => AuthoritiesUpdated.Count;
    public int LocalGovernmentsToCreate => LocalGovernmentsCreated.Count;
    public int LocalGovernmentsToUpdate => LocalGovernmentsUpdated.Count;

    /// <summary>The row number of the template's example row, left out of the import; null when the file has none.</summary>
    public int? ExampleRowSkipped { get; init; }
}
