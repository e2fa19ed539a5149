using Microsoft.AspNetCore.Mvc;

namespace ChampionPortal.Web.Features.Resources;

/// <summary>
/// A resource's file as the browser receives it: a redirect to where it is kept, or its bytes, which the browser may
/// neither guess the type of nor run as a page.
/// </summary>
public sealed class ResourceDownloadResult(ResourceDownload download) : IActionResult
{
    public Task ExecuteResultAsync(ActionContext context)
    {
        if (download.Url is { } url)
        {
            return new RedirectResult(url).ExecuteResultAsync(context);
        }

        var headers = context.HttpContext.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        headers.ContentSecurityPolicy = "sandbox; default-src 'none'";
        return new FileContentResult(download.Content!, download.ContentType!) { FileDownloadName = download.FileName }.ExecuteResultAsync(context);
    }
}
