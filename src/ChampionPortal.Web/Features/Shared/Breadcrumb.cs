namespace ChampionPortal.Web.Features.Shared;

/// <summary>One step of the breadcrumb trail shown under the top bar; the last step has no link.</summary>
public sealed record Breadcrumb(string Text, string? Url = null);
