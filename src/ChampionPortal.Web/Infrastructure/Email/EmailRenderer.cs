using System.Globalization;
using ChampionPortal.Web.Infrastructure.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Razor;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace ChampionPortal.Web.Infrastructure.Email;

/// <summary>
/// Renders an e-mail from Razor views over the same resource files as the pages, in the recipient's language
/// (not the sender's): Features/Emails/Views/{Name}.cshtml for the HTML part, whose ViewData["Title"] is the subject,
/// and {Name}.Text.cshtml for the text part.
/// </summary>
public sealed class EmailRenderer(IRazorViewEngine viewEngine, ITempDataProvider tempData, IServiceProvider services)
{
    public async Task<(string Subject, string Html, string Text)> RenderAsync<TModel>(string name, TModel model, string language)
    {
        using (PortalCultures.In(language))
        {
            var (html, subject) = await RenderViewAsync($"/Features/Emails/Views/{name}.cshtml", model);
            var (text, _) = await RenderViewAsync($"/Features/Emails/Views/{name}.Text.cshtml", model);
            return (subject, html, text);
        }
    }

    private async Task<(string Output, string Title)> RenderViewAsync<TModel>(string path, TModel model)
    {
        var httpContext = new DefaultHttpContext { RequestServices = services };
        var actionContext = new ActionContext(httpContext, new RouteData(), new ActionDescriptor());
        var result = viewEngine.GetView(executingFilePath: null, viewPath: path, isMainPage: true);
        if (!result.Success)
        {
            throw new InvalidOperationException($"E-mail view {path} was not found.");
        }

        await using var writer = new StringWriter(CultureInfo.CurrentCulture);
        var viewData = new ViewDataDictionary<TModel>(new EmptyModelMetadataProvider(), new ModelStateDictionary()) { Model = model };
        var viewContext = new ViewContext(actionContext, result.View, viewData, new TempDataDictionary(httpContext, tempData), writer, new HtmlHelperOptions());
        await result.View.RenderAsync(viewContext);
        // The view engine gives the page a view data dictionary of its own: read the title from the context.
        return (writer.ToString(), viewContext.ViewData["Title"] as string ?? "");
    }
}
