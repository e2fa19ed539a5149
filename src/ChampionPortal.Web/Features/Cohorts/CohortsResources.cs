namespace ChampionPortal.Web.Features.Cohorts;

/// <summary>Marker for the resources of cohorts, their events and sessions (CohortsResources.resx, .es.resx, .pt.resx).</summary>
public sealed class CohortsResources;
