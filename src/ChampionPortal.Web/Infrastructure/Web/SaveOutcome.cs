namespace ChampionPortal.Web.Infrastructure.Web;

/// <summary>What became of an edit or a delete, for the controller to turn into a redirect or a re-displayed form.</summary>
public enum SaveOutcome
{
    Saved,
    NotFound,
    Conflict,
    HasDependents,
}
