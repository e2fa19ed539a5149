using System.Diagnostics;

namespace ChampionPortal.Testing;

/// <summary>
/// Turns a PDF's first page into a PNG with poppler's pdftoppm, so that a person can look at what was rendered, or
/// into grey pixels for a test to read (the README's test command installs poppler-utils where it is missing).
/// </summary>
public static class PdfPictures
{
    public static Task<string> FirstPageAsync(byte[] pdf, string pngPath, int dpi = 110) => RenderAsync(pdf, pngPath, "-png", dpi);

    /// <summary>The first page in shades of grey, a byte per pixel (what a phone's camera would read a QR code from).</summary>
    public static async Task<(byte[] Pixels, int Width, int Height)> FirstPageGreyAsync(byte[] pdf, string pgmPath, int dpi = 150)
    {
        var bytes = await File.ReadAllBytesAsync(await RenderAsync(pdf, pgmPath, "-gray", dpi));

        // Binary PGM: "P5", width, height, maximum value, each followed by one whitespace, then the pixels.
        var fields = new List<string>();
        var at = 0;
        while (fields.Count < 4)
        {
            var start = at;
            while (!char.IsWhiteSpace((char)bytes[at]))
            {
                at++;
            }

            fields.Add(System.Text.Encoding.ASCII.GetString(bytes, start, at - start));
            at++;
        }

        var (width, height) = (int.Parse(fields[1], System.Globalization.CultureInfo.InvariantCulture), int.Parse(fields[2], System.Globalization.CultureInfo.InvariantCulture));
        return (bytes[at..(at + (width * height))], width, height);
    }

    private static async Task<string> RenderAsync(byte[] pdf, string imagePath, string format, int dpi)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(imagePath)!);
        var pdfPath = Path.ChangeExtension(imagePath, ".pdf");
        await File.WriteAllBytesAsync(pdfPath, pdf);
        var start = new ProcessStartInfo("pdftoppm") { RedirectStandardError = true };
        foreach (var argument in new[] { format, "-r", dpi.ToString(System.Globalization.CultureInfo.InvariantCulture), "-singlefile", pdfPath, Path.ChangeExtension(imagePath, null) })
        {
            start.ArgumentList.Add(argument);
        }

        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            throw new InvalidOperationException("pdftoppm was not found: install poppler-utils (the README's test command does).", ex);
        }

        using (process)
        {
            var errors = await process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            return process.ExitCode == 0 && File.Exists(imagePath) ? imagePath : throw new InvalidOperationException($"pdftoppm failed: {errors}");
        }
    }
}
