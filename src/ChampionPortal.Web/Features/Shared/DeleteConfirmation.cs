namespace ChampionPortal.Web.Features.Shared;

/// <summary>
/// What the shared confirmation page shows before a delete: what will be lost, or why it cannot be deleted.
/// Every feature's delete goes through it, so they all look and behave alike.
/// </summary>
public sealed record DeleteConfirmation(
    string Title, IReadOnlyList<Breadcrumb> Breadcrumbs, string Question, string? BlockedReason, string PostUrl, int Version, string CancelUrl);
