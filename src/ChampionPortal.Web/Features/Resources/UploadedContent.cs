using System.IO.Compression;

namespace ChampionPortal.Web.Features.Resources;

/// <summary>
/// What an uploaded file is, judged by its bytes and never by its name: PDF, the Office Open XML documents
/// (DOCX, XLSX, PPTX: a ZIP with the part each one must have), PNG, JPEG, GIF or WebP. Anything else (an executable
/// renamed .pdf, SVG with script, HTML) is refused.
/// </summary>
public static class UploadedContent
{
    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
    private static readonly byte[] JpegSignature = [0xFF, 0xD8, 0xFF];
    private static readonly byte[] ZipSignature = [0x50, 0x4B, 0x03, 0x04];

    public sealed record Kind(string ContentType, string Extension);

    public static Kind? Identify(ReadOnlySpan<byte> bytes, Func<Stream> open)
    {
        if (bytes.StartsWith("%PDF-"u8))
        {
            return new("application/pdf", ".pdf");
        }

        if (bytes.StartsWith(PngSignature))
        {
            return new("image/png", ".png");
        }

        if (bytes.StartsWith(JpegSignature))
        {
            return new("image/jpeg", ".jpg");
        }

        if (bytes.StartsWith("GIF87a"u8) || bytes.StartsWith("GIF89a"u8))
        {
            return new("image/gif", ".gif");
        }

        if (bytes.Length >= 12 && bytes.StartsWith("RIFF"u8) && bytes[8..12].SequenceEqual("WEBP"u8))
        {
            return new("image/webp", ".webp");
        }

        return bytes.StartsWith(ZipSignature) ? OfficeDocument(open) : null;
    }

    private static Kind? OfficeDocument(Func<Stream> open)
    {
        try
        {
            using var zip = new ZipArchive(open(), ZipArchiveMode.Read);
            var parts = zip.Entries.Select(e => e.FullName).ToHashSet(StringComparer.Ordinal);
            return parts.Contains("word/document.xml") ? new("application/vnd.openxmlformats-officedocument.wordprocessingml.document", ".docx")
                : parts.Contains("xl/workbook.xml") ? new("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", ".xlsx")
                : parts.Contains("ppt/presentation.xml") ? new("application/vnd.openxmlformats-officedocument.presentationml.presentation", ".pptx")
                : null;
        }
        catch (InvalidDataException)
        {
            return null;
        }
    }
}
