namespace ChampionPortal.Web.Features.Users;

/// <summary>Marker for this feature's resource files (UsersResources.resx, .es.resx, .pt.resx).</summary>
public sealed class UsersResources;
