using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.AspNetCore.Mvc.Razor;

namespace ChampionPortal.Web.Infrastructure.Web;

/// <summary>
/// Finds a controller's views in its feature folder (the last part of its namespace), so that a feature with
/// several controllers (attendance: register, check-in, reports, register import) keeps one Views folder.
/// </summary>
public sealed class FeatureViewLocationExpander : IViewLocationExpander
{
    private const string Key = "feature";

    public void PopulateValues(ViewLocationExpanderContext context)
    {
        if (context.ActionContext.ActionDescriptor is ControllerActionDescriptor action && action.ControllerTypeInfo.Namespace is { } ns)
        {
            context.Values[Key] = ns[(ns.LastIndexOf('.') + 1)..];
        }
    }

    public IEnumerable<string> ExpandViewLocations(ViewLocationExpanderContext context, IEnumerable<string> viewLocations) =>
        context.Values.TryGetValue(Key, out var feature) && feature is not null
            ? viewLocations.Select(l => l.Replace("{1}", feature, StringComparison.Ordinal))
            : viewLocations;
}
