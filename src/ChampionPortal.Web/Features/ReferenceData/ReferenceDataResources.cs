namespace ChampionPortal.Web.Features.ReferenceData;

/// <summary>Marker for this feature's resource files (ReferenceDataResources.resx, .es.resx, .pt.resx).</summary>
public sealed class ReferenceDataResources;
