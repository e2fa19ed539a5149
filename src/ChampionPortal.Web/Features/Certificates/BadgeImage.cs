using System.Xml.Linq;

namespace ChampionPortal.Web.Features.Certificates;

/// <summary>
/// The badge image of an achievement (SVG). A downloaded badge carries its signed credential inside, as Open Badges
/// 3.0 bakes it: an <c>openbadges:credential</c> element whose <c>verify</c> attribute is the VC-JWT, so that a badge
/// dropped into a verifier carries its proof.
/// </summary>
public static class BadgeImage
{
    public static readonly XNamespace OpenBadges = "https://purl.imsglobal.org/ob/v3p0";
    private static readonly XNamespace SvgSpace = "http://www.w3.org/2000/svg";

    public static string Svg(string title, string? signedCredential)
    {
        var svg = new XElement(
            SvgSpace + "svg",
            new XAttribute("viewBox", "0 0 240 240"),
            new XAttribute("width", "240"),
            new XAttribute("height", "240"),
            new XAttribute("role", "img"),
            new XAttribute(XNamespace.Xmlns + "openbadges", OpenBadges),
            new XElement(SvgSpace + "title", title),
            new XElement(SvgSpace + "circle", new XAttribute("cx", "120"), new XAttribute("cy", "120"), new XAttribute("r", "112"), new XAttribute("fill", "#0033a0")),
            new XElement(SvgSpace + "circle", new XAttribute("cx", "120"), new XAttribute("cy", "120"), new XAttribute("r", "96"), new XAttribute("fill", "none"), new XAttribute("stroke", "#ffffff"), new XAttribute("stroke-width", "4")),
            new XElement(SvgSpace + "path", new XAttribute("d", "M120 52 l16 33 36 5 -26 25 6 36 -32 -17 -32 17 6 -36 -26 -25 36 -5 z"), new XAttribute("fill", "#f2b705")),
            Line(title.Split(' ', 2)[0], 176),
            Line(title.Split(' ', 2).ElementAtOrDefault(1) ?? "", 198));
        if (signedCredential is not null)
        {
            svg.AddFirst(new XElement(OpenBadges + "credential", new XAttribute("verify", signedCredential)));
        }

        return new XDocument(new XDeclaration("1.0", "utf-8", null), svg).Declaration + "\n" + svg.ToString(SaveOptions.DisableFormatting);
    }

    /// <summary>The signed credential baked into an image; null when there is none.</summary>
    public static string? BakedCredential(string svgText)
    {
        try
        {
            return XDocument.Parse(svgText).Descendants(OpenBadges + "credential").FirstOrDefault()?.Attribute("verify")?.Value;
        }
        catch (System.Xml.XmlException)
        {
            return null;
        }
    }

    private static XElement Line(string text, int y) => new(
        SvgSpace + "text",
        new XAttribute("x", "120"),
        new XAttribute("y", y.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        new XAttribute("text-anchor", "middle"),
        new XAttribute("font-family", "Source Sans 3, Arial, sans-serif"),
        new XAttribute("font-size", "17"),
        new XAttribute("font-weight", "bold"),
        new XAttribute("fill", "#ffffff"),
        text);
}
