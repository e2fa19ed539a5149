namespace ChampionPortal.Web.Features.LocalGovernments;

/// <summary>Marker for this feature's resource files (LocalGovernmentsResources.resx, .es.resx, .pt.resx).</summary>
public sealed class LocalGovernmentsResources;
