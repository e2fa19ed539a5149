using PdfSharp.Drawing;
using QRCoder;

namespace ChampionPortal.Web.Infrastructure.Qr;

/// <summary>QR codes for check-in screens, two-factor set-up and certificates, drawn as vectors so that they stay sharp when projected or printed.</summary>
public static class QrCodes
{
    public static string Svg(string text)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.M);
        var svg = new SvgQRCode(data).GetGraphic(8, "#0b3d6e", "#ffffff", drawQuietZones: true, SvgQRCode.SizingMode.ViewBoxAttribute);
        var start = svg.IndexOf("<svg", StringComparison.Ordinal);
        return start > 0 ? svg[start..] : svg;
    }

    /// <summary>
    /// Draws the code (with its quiet zone) in the square at (x, y) of the given side, as one filled path of its dark
    /// runs, row by row. A third of the cost of a PNG image (encoded, decoded and compressed again by PDFsharp), and
    /// one path, so that viewers show no seams between modules.
    /// </summary>
    public static void Draw(XGraphics graphics, string text, XColor color, double x, double y, double side)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.M);
        var modules = data.ModuleMatrix;
        var module = side / modules.Count;
        var path = new XGraphicsPath { FillMode = XFillMode.Winding };
        for (var row = 0; row < modules.Count; row++)
        {
            var bits = modules[row];
            for (var column = 0; column < bits.Length; column++)
            {
                if (!bits[column])
                {
                    continue;
                }

                var start = column;
                while (column + 1 < bits.Length && bits[column + 1])
                {
                    column++;
                }

                path.AddRectangle(x + (start * module), y + (row * module), (column - start + 1) * module, module);
            }
        }

        graphics.DrawRectangle(XBrushes.White, x, y, side, side);
        graphics.DrawPath(new XSolidBrush(color), path);
    }
}
