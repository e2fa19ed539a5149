using System.Security.Claims;
using ChampionPortal.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Authorization;

namespace ChampionPortal.Web.Features.Shared;

/// <summary>Where an entry sits in the menu: the initiative's stages in their order, then the directory, then administration.</summary>
public enum NavigationGroup
{
    Initiative,
    Directory,
    Administration,
}

/// <summary>One entry of the main navigation, shown only to users whom its policy admits.</summary>
public sealed record NavigationItem(string Key, string TextKey, string Url, string Policy, NavigationGroup Group);

/// <summary>The portal's main navigation in one list, filtered by role for the side menu.</summary>
public sealed class NavigationMenu(IAuthorizationService authorization)
{
    /// <summary>The stages of a cohort in the order the initiative runs them: Cohort → Nominations → … → Dissemination.</summary>
    public static readonly IReadOnlyList<NavigationItem> Items =
    [
        new("funnel", "Nav_Funnel", "/funnel", Policies.ViewNominations, NavigationGroup.Initiative),
        new("cohorts", "Nav_Cohorts", "/cohorts", Policies.ManageCohorts, NavigationGroup.Initiative),
        new("nominations", "Nav_Nominations", "/nominations", Policies.ViewNominations, NavigationGroup.Initiative),
        new("invitations", "Nav_Invitations", "/invitations", Policies.ViewNominations, NavigationGroup.Initiative),
        new("sessions", "Nav_SessionsAttendance", "/sessions", Policies.ManageCohorts, NavigationGroup.Initiative),
        new("check-in", "Nav_CheckInShort", "/check-in", Policies.OwnCheckIn, NavigationGroup.Initiative),
        new("mapping", "Nav_Mapping", "/mapping", Policies.WorkshopOutputs, NavigationGroup.Initiative),
        new("agenda", "Nav_Agenda", "/agenda", Policies.WorkshopOutputs, NavigationGroup.Initiative),
        new("certificates", "Nav_Certificates", "/certificates", Policies.WorkshopOutputs, NavigationGroup.Initiative),
        new("dissemination", "Nav_Dissemination", "/dissemination", Policies.ManageCohorts, NavigationGroup.Initiative),
        new("resources", "Nav_Resources", "/resources", Policies.WorkshopOutputs, NavigationGroup.Initiative),
        new("local-governments", "Nav_LocalGovernments", "/local-governments", Policies.ManageLocalGovernments, NavigationGroup.Directory),
        new("authorities", "Nav_Authorities", "/authorities", Policies.ManageAuthorities, NavigationGroup.Directory),
        new("outbox", "Nav_Outbox", "/outbox", Policies.ManageCohorts, NavigationGroup.Administration),
        new("users", "Nav_Users", "/users", Policies.Administration, NavigationGroup.Administration),
        new("reference-data", "Nav_ReferenceData", "/reference-data", Policies.Administration, NavigationGroup.Administration),
        new("audit", "Nav_Audit", "/audit", Policies.Administration, NavigationGroup.Administration),
    ];

    public async Task<IReadOnlyList<NavigationItem>> ItemsForAsync(ClaimsPrincipal user)
    {
        // Seventeen entries share eight policies: each is evaluated once per page.
        var admitted = new Dictionary<string, bool>(StringComparer.Ordinal);
        var visible = new List<NavigationItem>();
        foreach (var item in Items)
        {
            if (!admitted.TryGetValue(item.Policy, out var admits))
            {
                admits = (await authorization.AuthorizeAsync(user, item.Policy)).Succeeded;
                admitted[item.Policy] = admits;
            }

            if (admits)
            {
                // An authority sees only certificates of its own and of its local government.
                visible.Add(item.Key == "certificates" && user.Reach().AuthorityId is not null ? item with { TextKey = "Nav_MyCertificates" } : item);
            }
        }

        return visible;
    }
}
