using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace ChampionPortal.Web.Infrastructure.Pdf;

/// <summary>
/// The one small layout engine of the portal's documents (MigraDoc is not available): A4 pages with margins, a
/// cursor that flows down the page, wrapped paragraphs, simple tables whose rows never split across pages, page
/// breaks when the space runs out, and running page numbers written at the end.
/// </summary>
public sealed class PdfLayout : IDisposable
{
    public static readonly XColor Primary = XColor.FromArgb(0x0b, 0x3d, 0x6e);
    public static readonly XColor Accent = XColor.FromArgb(0x00, 0x85, 0x7c);
    public static readonly XColor Muted = XColor.FromArgb(0x5a, 0x66, 0x76);
    public static readonly XColor Rule = XColor.FromArgb(0xd5, 0xdb, 0xe3);

    private const double Margin = 56;
    private const double FooterSpace = 36;
    private readonly PdfDocument document = new();
    private XGraphics? graphics;
    private double y;

    public PdfLayout(string title, string language)
    {
        document.Info.Title = title;
        document.Info.Creator = "Champion Portal";
        document.Language = language;
        NewPage();
    }

    public double Width => Page.Width.Point - 2 * Margin;

    private PdfPage Page => document.Pages[document.PageCount - 1];

    private XGraphics Graphics => graphics ??= XGraphics.FromPdfPage(Page);

    private double Bottom => Page.Height.Point - Margin - FooterSpace;

    public void NewPage()
    {
        graphics?.Dispose();
        graphics = null;
        var page = document.AddPage();
        page.Size = PdfSharp.PageSize.A4;
        y = Margin;
    }

    /// <summary>Moves down; starts a new page when less than the given height is left.</summary>
    public void Space(double points, double keepWithNext = 0)
    {
        y += points;
        if (y + keepWithNext > Bottom)
        {
            NewPage();
        }
    }

    public void Heading(string text, double size, XColor color, bool display = false) =>
        Paragraph(text, new XFont(display ? PortalFonts.Display : PortalFonts.Text, size, XFontStyleEx.Bold), color, spaceAfter: size * 0.5, keepWithNext: 40);

    public void Paragraph(string text, XFont font, XColor color, double spaceAfter = 6, double indent = 0, double keepWithNext = 0)
    {
        var lines = Wrap(text, font, Width - indent);
        var lineHeight = font.Size * 1.3;
        if (y + Math.Min(lines.Count, 2) * lineHeight + keepWithNext > Bottom)
        {
            NewPage();
        }

        foreach (var line in lines)
        {
            if (y + lineHeight > Bottom)
            {
                NewPage();
            }

            Graphics.DrawString(line, font, new XSolidBrush(color), new XPoint(Margin + indent, y + font.Size));
            y += lineHeight;
        }

        y += spaceAfter;
    }

    /// <summary>A table with a header row; columns share the width in the given proportions, cells wrap.</summary>
    public void Table(IReadOnlyList<double> proportions, IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string>> rows, double fontSize = 9)
    {
        var total = proportions.Sum();
        var widths = proportions.Select(p => Width * p / total).ToList();
        var headerFont = new XFont(PortalFonts.Text, fontSize, XFontStyleEx.Bold);
        var cellFont = new XFont(PortalFonts.Text, fontSize, XFontStyleEx.Regular);
        Row(header, headerFont, widths, XColors.White, Primary);
        foreach (var row in rows)
        {
            if (Row(row, cellFont, widths, XColors.Black, null))
            {
                // A row that started a new page is preceded there by the header again.
                y -= RowHeight(row, cellFont, widths);
                Row(header, headerFont, widths, XColors.White, Primary);
                Row(row, cellFont, widths, XColors.Black, null);
            }
        }

        y += 8;
    }

    /// <summary>Writes "page X of N" (through the caller's wording) on every page, and returns the document.</summary>
    public byte[] Finish(Func<int, int, string> pageLabel, string footerLeft)
    {
        graphics?.Dispose();
        graphics = null;
        var font = new XFont(PortalFonts.Text, 8, XFontStyleEx.Regular);
        for (var i = 0; i < document.PageCount; i++)
        {
            var page = document.Pages[i];
            using var footer = XGraphics.FromPdfPage(page, XGraphicsPdfPageOptions.Append);
            var baseline = page.Height.Point - Margin + 4;
            footer.DrawLine(new XPen(Rule, 0.5), Margin, baseline - 12, page.Width.Point - Margin, baseline - 12);
            var label = pageLabel(i + 1, document.PageCount);
            var labelWidth = footer.MeasureString(label, font).Width;
            var left = footerLeft;
            while (left.Length > 1 && footer.MeasureString(left, font).Width > Width - labelWidth - 16)
            {
                left = left[..^2] + "…";
            }

            footer.DrawString(left, font, new XSolidBrush(Muted), new XPoint(Margin, baseline));
            footer.DrawString(label, font, new XSolidBrush(Muted), new XPoint(page.Width.Point - Margin - labelWidth, baseline));
        }

        using var stream = new MemoryStream();
        document.Save(stream, closeStream: false);
        return stream.ToArray();
    }

    public void Dispose()
    {
        graphics?.Dispose();
        document.Dispose();
    }

    /// <summary>Draws one row; true when it had to go to a new page first.</summary>
    private bool Row(IReadOnlyList<string> cells, XFont font, IReadOnlyList<double> widths, XColor ink, XColor? fill)
    {
        var height = RowHeight(cells, font, widths);
        var broke = false;
        if (y + height > Bottom)
        {
            NewPage();
            broke = true;
        }

        var x = Margin;
        if (fill is { } background)
        {
            Graphics.DrawRectangle(new XSolidBrush(background), Margin, y, Width, height);
        }

        for (var c = 0; c < widths.Count; c++)
        {
            var lineY = y + 4;
            foreach (var line in Wrap(c < cells.Count ? cells[c] : "", font, widths[c] - 8))
            {
                Graphics.DrawString(line, font, new XSolidBrush(ink), new XPoint(x + 4, lineY + font.Size));
                lineY += font.Size * 1.25;
            }

            x += widths[c];
        }

        y += height;
        Graphics.DrawLine(new XPen(Rule, 0.5), Margin, y, Margin + Width, y);
        return broke;
    }

    private double RowHeight(IReadOnlyList<string> cells, XFont font, IReadOnlyList<double> widths) =>
        8 + font.Size * 1.25 * Enumerable.Range(0, widths.Count).Max(c => Wrap(c < cells.Count ? cells[c] : "", font, widths[c] - 8).Count);

    /// <summary>Breaks text into lines that fit the width, at spaces, and inside a word only when one word is wider than a line.</summary>
    private List<string> Wrap(string text, XFont font, double width)
    {
        var lines = new List<string>();
        foreach (var paragraph in text.Replace("\r", "", StringComparison.Ordinal).Split('\n'))
        {
            var line = "";
            foreach (var word in paragraph.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var candidate = line.Length == 0 ? word : line + " " + word;
                if (Graphics.MeasureString(candidate, font).Width <= width)
                {
                    line = candidate;
                    continue;
                }

                if (line.Length > 0)
                {
                    lines.Add(line);
                }

                line = word;
                while (Graphics.MeasureString(line, font).Width > width && line.Length > 1)
                {
                    var fit = line.Length - 1;
                    while (fit > 1 && Graphics.MeasureString(line[..fit], font).Width > width)
                    {
                        fit--;
                    }

                    lines.Add(line[..fit]);
                    line = line[fit..];
                }
            }

            lines.Add(line);
        }

        return lines;
    }
}
