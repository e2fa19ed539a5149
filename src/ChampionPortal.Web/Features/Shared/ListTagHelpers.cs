using System.Globalization;
using ChampionPortal.Web.Infrastructure.Localization;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;
using Microsoft.Extensions.Localization;

namespace ChampionPortal.Web.Features.Shared;

// The small repeated parts of every list page. They were partial views; a partial view is found, activated and
// buffered on its own, and the authorities list's six took about twice the time of their content (docs/performance.md).

/// <summary>A part of a list page, written as an element of its own, that may read the request's query.</summary>
public abstract class ListPartTagHelper : TagHelper
{
    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    protected HttpRequest Request => ViewContext.HttpContext.Request;

    internal static void Become(TagHelperOutput output, string tagName, string cssClass)
    {
        output.TagName = tagName;
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", cssClass);
    }
}

/// <summary>
/// A sortable column's header, <c>&lt;th portal-sort="name" portal-sort-default="name" portal-list="q"&gt;Name&lt;/th&gt;</c>:
/// the text links to the list sorted by the column (reversed when it is already, by choice or by default), and <c>aria-sort</c> says the order.
/// </summary>
[HtmlTargetElement("th", Attributes = "portal-sort")]
public sealed class SortHeaderTagHelper : ListPartTagHelper
{
    [HtmlAttributeName("portal-sort")]
    public string Column { get; set; } = "";

    /// <summary>The column the list is sorted by when the reader has not chosen one.</summary>
    [HtmlAttributeName("portal-sort-default")]
    public string DefaultColumn { get; set; } = "";

    [HtmlAttributeName("portal-list")]
    public ListQuery List { get; set; } = null!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        output.Attributes.SetAttribute("scope", "col");
        if (ListLinks.AriaSort(List, Column, DefaultColumn) is { } order)
        {
            output.Attributes.SetAttribute("aria-sort", order);
        }

        output.PreContent.AppendHtml("<a href=\"").Append(ListLinks.Sort(Request, List, Column, DefaultColumn)).AppendHtml("\">");
        output.PostContent.AppendHtml("</a>");
    }
}

/// <summary>
/// A list's results count, <c>&lt;results-count total="…" at-least="…" /&gt;</c>; past <see cref="Paging.CountAhead"/>
/// rows beyond the page, "more than" the rows counted. <c>exact</c> replaces the sentence when the count is exact.
/// </summary>
[HtmlTargetElement("results-count", TagStructure = TagStructure.WithoutEndTag)]
public sealed class ResultsCountTagHelper(IStringLocalizer<SharedResources> text) : TagHelper
{
    public int Total { get; set; }

    public bool AtLeast { get; set; }

    public string? Exact { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        ListPartTagHelper.Become(output, "p", "text-body-secondary");
        output.Attributes.SetAttribute("data-testid", "results-count");
        output.Attributes.SetAttribute("data-count", Total.ToString(CultureInfo.InvariantCulture));
        if (AtLeast)
        {
            output.Attributes.SetAttribute("data-at-least", "true");
        }

        output.Content.SetContent(AtLeast ? text["List_ResultsMoreThan", Total.ToString("N0")].Value : Exact ?? text["List_Results", Total.ToString("N0")].Value);
    }
}

/// <summary>The list's export links, <c>&lt;export-links /&gt;</c>: CSV and Excel, with the filters and sort the reader has chosen.</summary>
[HtmlTargetElement("export-links", TagStructure = TagStructure.WithoutEndTag)]
public sealed class ExportLinksTagHelper(IStringLocalizer<SharedResources> text) : ListPartTagHelper
{
    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var request = Request;
        Become(output, "div", "btn-group");
        output.Attributes.SetAttribute("role", "group");
        output.Attributes.SetAttribute("aria-label", text["Export_Label"].Value);
        output.Attributes.SetAttribute("data-testid", "export");
        foreach (var (format, label) in new[] { ("csv", "Export_Csv"), ("xlsx", "Export_Xlsx") })
        {
            output.Content.AppendHtml("<a class=\"btn btn-outline-secondary\" href=\"").Append(ListLinks.Export(request, format))
                .AppendHtml("\" download>").Append(text[label].Value).AppendHtml("</a>");
        }
    }
}

/// <summary>
/// Links to the pages around the current one, <c>&lt;pager page="…" page-count="…" url-for="…" /&gt;</c>, with the
/// previous and the next; nothing when there is one page.
/// </summary>
[HtmlTargetElement("pager", TagStructure = TagStructure.WithoutEndTag)]
public sealed class PagerTagHelper(IStringLocalizer<SharedResources> text) : TagHelper
{
    public int Page { get; set; }

    public int PageCount { get; set; }

    public Func<int, string> UrlFor { get; set; } = null!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        output.TagName = null;
        output.TagMode = TagMode.StartTagAndEndTag;
        Write(output.Content, Page, PageCount, UrlFor, text);
    }

    internal static void Write(TagHelperContent html, int page, int pageCount, Func<int, string> urlFor, IStringLocalizer text)
    {
        if (pageCount <= 1)
        {
            return;
        }

        html.AppendHtml("<nav aria-label=\"").Append(text["List_Pages"].Value).AppendHtml("\"><ul class=\"pagination\">");
        Item(html, page <= 1 ? "disabled" : null, page <= 1 ? null : urlFor(page - 1), "prev", current: false, text["List_Previous"].Value);
        for (var p = Math.Max(1, page - 3); p <= Math.Min(pageCount, page + 3); p++)
        {
            Item(html, p == page ? "active" : null, urlFor(p), rel: null, current: p == page, p.ToString("N0"));
        }

        Item(html, page >= pageCount ? "disabled" : null, page >= pageCount ? null : urlFor(page + 1), "next", current: false, text["List_Next"].Value);
        html.AppendHtml("</ul></nav>");
    }

    // A page that cannot be reached is a span, not a link: a link without a target (and its rel) is not valid HTML.
    private static void Item(TagHelperContent html, string? state, string? url, string? rel, bool current, string label)
    {
        html.AppendHtml(state is null ? "<li class=\"page-item\">" : $"<li class=\"page-item {state}\">");
        if (url is null)
        {
            html.AppendHtml("<span class=\"page-link\">").Append(label).AppendHtml("</span></li>");
            return;
        }

        html.AppendHtml("<a class=\"page-link\" href=\"").Append(url).AppendHtml("\"")
            .AppendHtml(rel is null ? "" : $" rel=\"{rel}\"").AppendHtml(current ? " aria-current=\"page\">" : ">").Append(label).AppendHtml("</a></li>");
    }
}

/// <summary>
/// Below a list, <c>&lt;list-footer page="…" page-count="…" size="…" /&gt;</c>: the pager, and links to show
/// <see cref="Paging.PageSizes"/> rows a page.
/// </summary>
[HtmlTargetElement("list-footer", TagStructure = TagStructure.WithoutEndTag)]
public sealed class ListFooterTagHelper(IStringLocalizer<SharedResources> text) : ListPartTagHelper
{
    public int Page { get; set; }

    public int PageCount { get; set; }

    public int Size { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var request = Request;
        Become(output, "div", "d-flex flex-wrap justify-content-between align-items-center gap-2");
        PagerTagHelper.Write(output.Content, Page, PageCount, page => ListLinks.Page(request, page), text);
        output.Content.AppendHtml("<div class=\"small text-body-secondary\">").Append(text["List_PageSize"].Value);
        foreach (var size in Paging.PageSizes)
        {
            output.Content.AppendHtml(size == Size ? " <a class=\"ms-1 fw-bold\" href=\"" : " <a class=\"ms-1\" href=\"")
                .Append(ListLinks.Size(request, size)).AppendHtml("\">").Append(size.ToString(CultureInfo.CurrentCulture)).AppendHtml("</a>");
        }

        output.Content.AppendHtml("</div>");
    }
}
