using System.Globalization;
using ChampionPortal.Web.Infrastructure.Localization;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;
using Microsoft.Extensions.Localization;

namespace ChampionPortal.Web.Features.Shared;

// The small repeated parts of every list page. They were partial views; a partial view is found, activated and
// buffered on its own, and the authorities list's six cost more than its 25 rows (see docs/performance.md).

/// <summary>
/// A sortable column's header, <c>&lt;th portal-sort="name" portal-sort-default="name" portal-list="q"&gt;Name&lt;/th&gt;</c>:
/// the text links to the list sorted by the column (reversed when it is already, by choice or by default), and <c>aria-sort</c> says the order.
/// </summary>
[HtmlTargetElement("th", Attributes = "portal-sort")]
public sealed class SortHeaderTagHelper : TagHelper
{
    [HtmlAttributeName("portal-sort")]
    public string Column { get; set; } = "";

    /// <summary>The column the list is sorted by when the reader has not chosen one.</summary>
    [HtmlAttributeName("portal-sort-default")]
    public string DefaultColumn { get; set; } = "";

    [HtmlAttributeName("portal-list")]
    public ListQuery List { get; set; } = null!;

    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        output.Attributes.SetAttribute("scope", "col");
        if (ListLinks.AriaSort(List, Column, DefaultColumn) is { } order)
        {
            output.Attributes.SetAttribute("aria-sort", order);
        }

        output.PreContent.AppendHtml("<a href=\"").Append(ListLinks.Sort(ViewContext.HttpContext.Request, List, Column, DefaultColumn)).AppendHtml("\">");
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
        output.TagName = "p";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", "text-body-secondary");
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
public sealed class ExportLinksTagHelper(IStringLocalizer<SharedResources> text) : TagHelper
{
    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var request = ViewContext.HttpContext.Request;
        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", "btn-group");
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
