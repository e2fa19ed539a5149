using System.Globalization;
using ChampionPortal.Web.Domain;
using ChampionPortal.Web.Infrastructure.Localization;
using ChampionPortal.Web.Infrastructure.Pdf;
using ChampionPortal.Web.Infrastructure.Qr;
using Microsoft.Extensions.Localization;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace ChampionPortal.Web.Features.Certificates;

/// <summary>Marker for this feature's resource files (CertificatesResources.resx, .es.resx, .pt.resx).</summary>
public sealed class CertificatesResources;

/// <summary>Everything a certificate says, in the recipient's language.</summary>
public sealed record CertificateContent(
    CertificateKind Kind, string Language, string RecipientName, string? Position, string LocalGovernmentName, string CountryName, string CohortName,
    DateOnly IssuedOn, string? SignatoryName, string? SignatoryTitle, string Serial, string VerificationCode, string VerificationUrl,
    CertificateImages Images);

/// <summary>Renders a certificate as a PDF; an interface so that the PDF library stays replaceable.</summary>
public interface ICertificateRenderer
{
    byte[] Render(CertificateContent content);
}

/// <summary>
/// A4 landscape with a fine double frame in the primary colour, the title in the recipient's language, the name
/// large in EB Garamond shrinking to fit one line, the recognition sentence, date and signatory, and the QR code
/// of the verification page with the code and serial at the bottom.
/// </summary>
public sealed class PdfSharpCertificateRenderer(IStringLocalizer<CertificatesResources> text, IWebHostEnvironment environment) : ICertificateRenderer
{
    public byte[] Render(CertificateContent content)
    {
        PortalFonts.Install(environment.WebRootPath);
        using (PortalCultures.In(content.Language))
        {
            return Draw(content, CultureInfo.CurrentCulture);
        }
    }

    private byte[] Draw(CertificateContent content, CultureInfo culture)
    {
        using var document = new PdfDocument();
        document.Info.Title = $"{text["Title"]} — {content.RecipientName}";
        document.Language = content.Language;
        var page = document.AddPage();
        page.Size = PdfSharp.PageSize.A4;
        page.Orientation = PdfSharp.PageOrientation.Landscape;
        using (var g = XGraphics.FromPdfPage(page))
        {
            var (w, h) = (page.Width.Point, page.Height.Point);
            var primary = new XSolidBrush(PdfLayout.Primary);
            var accent = new XSolidBrush(PdfLayout.Accent);
            var muted = new XSolidBrush(PdfLayout.Muted);
            g.DrawRectangle(new XPen(PdfLayout.Primary, 2.2), 28, 28, w - 56, h - 56);
            g.DrawRectangle(new XPen(PdfLayout.Accent, 0.6), 36, 36, w - 72, h - 72);

            void Centered(string line, XFont font, XBrush brush, double y) =>
                g.DrawString(line, font, brush, new XRect(60, y, w - 120, font.Size * 1.4), XStringFormats.TopCenter);

            if (content.Images.Logo1 is { } left)
            {
                DrawFitted(g, left, 60, 50, 120, 56);
            }

            if (content.Images.Logo2 is { } right)
            {
                DrawFitted(g, right, w - 180, 50, 120, 56);
            }

            Centered(text["Initiative"], new XFont(PortalFonts.Text, 11, XFontStyleEx.Bold), accent, 70);
            Centered(text["Title"], new XFont(PortalFonts.Display, 34, XFontStyleEx.Bold), primary, 95);
            Centered(text[content.Kind == CertificateKind.Person ? "Subtitle_Person" : "Subtitle_Government"], new XFont(PortalFonts.Display, 18, XFontStyleEx.Regular), primary, 142);
            Centered(text["Awarded"], new XFont(PortalFonts.Text, 11, XFontStyleEx.Regular), muted, 185);

            // The name on one line: the largest size up to 40 points that fits between the frames.
            var size = 40.0;
            var nameFont = new XFont(PortalFonts.Display, size, XFontStyleEx.Bold);
            while (size > 14 && g.MeasureString(content.RecipientName, nameFont).Width > w - 160)
            {
                size -= 1;
                nameFont = new XFont(PortalFonts.Display, size, XFontStyleEx.Bold);
            }

            Centered(content.RecipientName, nameFont, primary, 205 + (40 - size) / 2);
            g.DrawLine(new XPen(PdfLayout.Accent, 1), w / 2 - 120, 262, w / 2 + 120, 262);
            var details = content.Kind == CertificateKind.Person
                ? string.Join(" · ", new[] { content.Position, content.LocalGovernmentName, content.CountryName }.Where(s => !string.IsNullOrWhiteSpace(s)))
                : content.CountryName;
            Centered(details, new XFont(PortalFonts.Text, 13, XFontStyleEx.Regular), XBrushes.Black, 272);
            var sentence = text[content.Kind == CertificateKind.Person ? "Sentence_Person" : "Sentence_Government", content.CohortName].Value;
            var sentenceFont = new XFont(PortalFonts.Text, 12, XFontStyleEx.Regular);
            var y = 305.0;
            foreach (var line in Lines(g, sentence, sentenceFont, w - 220))
            {
                Centered(line, sentenceFont, XBrushes.Black, y);
                y += 17;
            }

            // Bottom: date on the left, signatory in the middle, QR code and verification on the right.
            var small = new XFont(PortalFonts.Text, 9, XFontStyleEx.Regular);
            var bottom = h - 150;
            g.DrawString(content.IssuedOn.ToString("D", culture), new XFont(PortalFonts.Text, 11, XFontStyleEx.Regular), XBrushes.Black, new XPoint(80, bottom + 40));
            g.DrawLine(new XPen(PdfLayout.Muted, 0.5), 80, bottom + 46, 250, bottom + 46);
            g.DrawString(text["Date"], small, muted, new XPoint(80, bottom + 58));
            if (content.SignatoryName is { } signatory)
            {
                if (content.Images.Signature is { } signature)
                {
                    DrawFitted(g, signature, w / 2 - 90, bottom - 8, 180, 52);
                }

                g.DrawLine(new XPen(PdfLayout.Muted, 0.5), w / 2 - 110, bottom + 46, w / 2 + 110, bottom + 46);
                g.DrawString(signatory, new XFont(PortalFonts.Text, 11, XFontStyleEx.Bold), XBrushes.Black, new XRect(w / 2 - 150, bottom + 50, 300, 14), XStringFormats.TopCenter);
                g.DrawString(content.SignatoryTitle ?? "", small, muted, new XRect(w / 2 - 150, bottom + 66, 300, 12), XStringFormats.TopCenter);
            }

            QrCodes.Draw(g, content.VerificationUrl, PdfLayout.Primary, w - 170, bottom - 20, 90);
            g.DrawString(text["Verify"], small, muted, new XRect(w - 330, bottom + 72, 250, 12), XStringFormats.TopRight);
            g.DrawString(content.VerificationUrl, small, primary, new XRect(w - 430, bottom + 84, 350, 12), XStringFormats.TopRight);
            g.DrawString($"{text["Code"]}: {content.VerificationCode} · {text["Serial"]}: {content.Serial}", small, muted, new XRect(w - 430, bottom + 96, 350, 12), XStringFormats.TopRight);
        }

        using var stream = new MemoryStream();
        document.Save(stream, closeStream: false);
        return stream.ToArray();
    }

    /// <summary>Draws the image as large as fits the box, keeping its proportions, centred in it.</summary>
    private static void DrawFitted(XGraphics g, byte[] bytes, double x, double y, double width, double height)
    {
        using var image = XImage.FromStream(new MemoryStream(bytes));
        var scale = Math.Min(width / image.PointWidth, height / image.PointHeight);
        var (drawnWidth, drawnHeight) = (image.PointWidth * scale, image.PointHeight * scale);
        g.DrawImage(image, x + (width - drawnWidth) / 2, y + (height - drawnHeight) / 2, drawnWidth, drawnHeight);
    }

    private static IEnumerable<string> Lines(XGraphics g, string text, XFont font, double width)
    {
        var line = "";
        foreach (var word in text.Split(' '))
        {
            var candidate = line.Length == 0 ? word : line + " " + word;
            if (line.Length > 0 && g.MeasureString(candidate, font).Width > width)
            {
                yield return line;
                line = word;
            }
            else
            {
                line = candidate;
            }
        }

        yield return line;
    }
}
