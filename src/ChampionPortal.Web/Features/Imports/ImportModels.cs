namespace ChampionPortal.Web.Features.Imports;

/// <summary>Marker for this feature's resource files (ImportsResources.resx, .es.resx, .pt.resx).</summary>
public sealed class ImportsResources;

/// <summary>One data row of an import file, by its row number in the file (the header is row 1).</summary>
public sealed record ImportRow(
    int RowNumber, string CountryCode, string LocalGovernment, string? LocalGovernmentKind, string AuthorityName, string Position,
    string Email, string? Phone, string? PreferredLanguage, string? Gender);

/// <summary>A reason a file or a row is refused: a resource key and its arguments, translated when shown.</summary>
public sealed record ImportProblem(int? RowNumber, string Key, params object[] Arguments);

public sealed record ImportPreview(
    string? Token, string FileName, int AuthoritiesToCreate, int AuthoritiesToUpdate, int LocalGovernmentsToCreate, int LocalGovernmentsToUpdate,
    IReadOnlyList<ImportProblem> Problems)
{
    public bool CanCommit => Token is not null && Problems.Count == 0;
}
