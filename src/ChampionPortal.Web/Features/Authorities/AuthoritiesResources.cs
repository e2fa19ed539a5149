namespace ChampionPortal.Web.Features.Authorities;

/// <summary>Marker for this feature's resource files (AuthoritiesResources.resx, .es.resx, .pt.resx).</summary>
public sealed class AuthoritiesResources;
