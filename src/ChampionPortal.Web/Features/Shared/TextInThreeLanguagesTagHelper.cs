using ChampionPortal.Web.Infrastructure.Localization;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;
using Microsoft.Extensions.Localization;

namespace ChampionPortal.Web.Features.Shared;

/// <summary>
/// A text staff enter for readers of three languages, <c>&lt;text-in-three-languages for="Form.Name" es="Form.NameEs"
/// pt="Form.NamePt" /&gt;</c>: the English field, then the Spanish and Portuguese ones side by side under the rule
/// that an empty translation falls back to the English. Labels, values, "required" marks and error messages come
/// from the form model, as <c>asp-for</c> gives them; <c>rows</c> makes them text areas.
/// </summary>
[HtmlTargetElement("text-in-three-languages", TagStructure = TagStructure.WithoutEndTag)]
public sealed class TextInThreeLanguagesTagHelper(IHtmlGenerator generator, IStringLocalizer<SharedResources> text) : TagHelper
{
    [HtmlAttributeName("for")]
    public ModelExpression English { get; set; } = null!;

    [HtmlAttributeName("es")]
    public ModelExpression Spanish { get; set; } = null!;

    [HtmlAttributeName("pt")]
    public ModelExpression Portuguese { get; set; } = null!;

    /// <summary>Text areas of this many rows; single-line inputs when 0.</summary>
    [HtmlAttributeName("rows")]
    public int Rows { get; set; }

    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", "row");
        var id = TagBuilder.CreateSanitizedId(English.Name, "_");
        output.Content.AppendHtml(Field(English, null, "col-12", null));
        var translations = new TagBuilder("p");
        translations.Attributes["id"] = $"{id}-translations";
        translations.AddCssClass("form-text col-12 mt-0 mb-2");
        translations.InnerHtml.Append(text["Help_Translations"]);
        output.Content.AppendHtml(translations);
        output.Content.AppendHtml(Field(Spanish, "es", "col-md-6", $"{id}-translations"));
        output.Content.AppendHtml(Field(Portuguese, "pt", "col-md-6", $"{id}-translations"));
    }

    private TagBuilder Field(ModelExpression field, string? language, string column, string? describedBy)
    {
        var wrapper = new TagBuilder("div");
        wrapper.AddCssClass($"{column} mb-3");
        wrapper.InnerHtml.AppendHtml(generator.GenerateLabel(
            ViewContext, field.ModelExplorer, field.Name, labelText: null, new { @class = field.Metadata.IsRequired ? "form-label required" : "form-label" }));
        var attributes = new Dictionary<string, object> { ["class"] = "form-control" };
        if (language is not null)
        {
            attributes["lang"] = language;
        }

        if (describedBy is not null)
        {
            attributes["aria-describedby"] = describedBy;
        }

        wrapper.InnerHtml.AppendHtml(Rows > 0
            ? generator.GenerateTextArea(ViewContext, field.ModelExplorer, field.Name, Rows, columns: 0, attributes)
            : generator.GenerateTextBox(ViewContext, field.ModelExplorer, field.Name, field.Model, format: null, attributes));
        wrapper.InnerHtml.AppendHtml(generator.GenerateValidationMessage(
            ViewContext, field.ModelExplorer, field.Name, message: null, tag: "span", new { @class = "invalid-feedback d-block" }));
        return wrapper;
    }
}
