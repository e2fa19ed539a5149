using ChampionPortal.Web.Features.Imports;

namespace ChampionPortal.Web.Features.RegisterImport;

/// <summary>A row of the cohort register file; sessions maps each session code column to what the row says.</summary>
public sealed record CohortRegisterRow(ImportRow Person, string? InvitationStatus, Dictionary<string, string> Sessions);

public sealed record RegisterImportPreview(
    int CohortId, string CohortName, string? Token, string FileName, int AuthoritiesToCreate, int AuthoritiesToUpdate, int LocalGovernmentsToCreate,
    int InvitationsToCreate, int InvitationsToUpdate, IReadOnlyDictionary<string, int> PresentBySession, IReadOnlyList<ImportProblem> Problems)
{
    public bool CanCommit => Token is not null && Problems.Count == 0;
}
