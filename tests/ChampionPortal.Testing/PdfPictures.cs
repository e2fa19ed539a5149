using System.Diagnostics;

namespace ChampionPortal.Testing;

/// <summary>
/// Turns a PDF's first page into a PNG with poppler's pdftoppm, so that a person can look at what was rendered
/// (the README's test command installs poppler-utils where it is missing).
/// </summary>
public static class PdfPictures
{
    public static async Task<string> FirstPageAsync(byte[] pdf, string pngPath, int dpi = 110)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(pngPath)!);
        var pdfPath = Path.ChangeExtension(pngPath, ".pdf");
        await File.WriteAllBytesAsync(pdfPath, pdf);
        var start = new ProcessStartInfo("pdftoppm") { RedirectStandardError = true };
        foreach (var argument in new[] { "-png", "-r", dpi.ToString(System.Globalization.CultureInfo.InvariantCulture), "-singlefile", pdfPath, pngPath[..^".png".Length] })
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
            return process.ExitCode == 0 && File.Exists(pngPath) ? pngPath : throw new InvalidOperationException($"pdftoppm failed: {errors}");
        }
    }
}
