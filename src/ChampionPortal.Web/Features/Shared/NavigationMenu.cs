using System.Security.Claims;
using ChampionPortal.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Authorization;

namespace ChampionPortal.Web.Features.Shared;

/// <summary>One entry of the main navigation, shown only to users whom its policy admits.</summary>
public sealed record NavigationItem(string Key, string TextKey, string DescriptionKey, string Url, string Policy);

/// <summary>The portal's main navigation in one list; the top bar and the landing page both filter it by role.</summary>
public sealed class NavigationMenu(IAuthorizationService authorization)
{
    public static readonly IReadOnlyList<NavigationItem> Items =
    [
        new("cohorts", "Nav_Cohorts", "Nav_Cohorts_Description", "/cohorts", Policies.ManageCohorts),
        new("funnel", "Nav_Funnel", "Nav_Funnel_Description", "/funnel", Policies.ViewNominations),
        new("mapping", "Nav_Mapping", "Nav_Mapping_Description", "/mapping", Policies.WorkshopOutputs),
        new("agenda", "Nav_Agenda", "Nav_Agenda_Description", "/agenda", Policies.WorkshopOutputs),
        new("resources", "Nav_Resources", "Nav_Resources_Description", "/resources", Policies.WorkshopOutputs),
        new("certificates", "Nav_Certificates", "Nav_Certificates_Description", "/certificates", Policies.WorkshopOutputs),
        new("nominations", "Nav_Nominations", "Nav_Nominations_Description", "/nominations", Policies.ViewNominations),
        new("local-governments", "Nav_LocalGovernments", "Nav_LocalGovernments_Description", "/local-governments", Policies.ManageLocalGovernments),
        new("authorities", "Nav_Authorities", "Nav_Authorities_Description", "/authorities", Policies.ManageAuthorities),
        new("outbox", "Nav_Outbox", "Nav_Outbox_Description", "/outbox", Policies.ManageCohorts),
        new("users", "Nav_Users", "Nav_Users_Description", "/users", Policies.Administration),
        new("reference-data", "Nav_ReferenceData", "Nav_ReferenceData_Description", "/reference-data", Policies.Administration),
        new("audit", "Nav_Audit", "Nav_Audit_Description", "/audit", Policies.Administration),
    ];

    public async Task<IReadOnlyList<NavigationItem>> ItemsForAsync(ClaimsPrincipal user)
    {
        // Thirteen entries share six policies: each is evaluated once per page.
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
                visible.Add(item.Key == "certificates" && user.Reach().AuthorityId is not null
                    ? item with { TextKey = "Nav_MyCertificates", DescriptionKey = "Nav_MyCertificates_Description" }
                    : item);
            }
        }

        return visible;
    }
}
