namespace ChampionPortal.Web.Features.Shared;

/// <summary>
/// What the shared confirmation page shows before a delete, or another change that cannot be undone (a removal, a
/// withdrawal): what will be lost, or why it cannot be done; <paramref name="Action"/> names its button, "Delete"
/// when not given. Every feature's such action goes through it, so they all look and behave alike.
/// </summary>
public sealed record DeleteConfirmation(
    string Title, IReadOnlyList<Breadcrumb> Breadcrumbs, string Question, string? BlockedReason, string PostUrl, int Version, string CancelUrl, string? Action = null);
