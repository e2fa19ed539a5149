using System.Globalization;
using System.Text;
using ChampionPortal.Web.Infrastructure.Tabular;
using CsvHelper;
using CsvHelper.Configuration;
using MiniExcelLibs;

namespace ChampionPortal.Web.Features.Imports;

/// <summary>One non-empty line of an uploaded table, by its line number in the file (1-based, as spreadsheets count).</summary>
public sealed record RawRow(int Number, IReadOnlyList<string?> Cells);

/// <summary>
/// Reads an uploaded CSV (UTF-8, comma or semicolon) or XLSX file into rows of the directory columns, or says
/// why the file as a whole cannot be read. Rows are not judged here; <see cref="DirectoryImport"/> does that.
/// </summary>
public static class ImportFileReader
{
    public const long MaxBytes = 2 * 1024 * 1024;
    private static readonly byte[] ZipSignature = [0x50, 0x4B, 0x03, 0x04];
    private static readonly byte[] Utf16LittleEndianMark = [0xFF, 0xFE];
    private static readonly byte[] Utf16BigEndianMark = [0xFE, 0xFF];

    public static async Task<(IReadOnlyList<ImportRow> Rows, ImportProblem? Problem)> ReadAsync(IFormFile? file, CancellationToken cancellationToken)
    {
        var (table, problem) = await ReadTableAsync(file, cancellationToken);
        if (problem is not null)
        {
            return ([], problem);
        }

        var header = table[0].Cells.Select(h => h?.Trim().ToLowerInvariant() ?? "").ToList();
        if (MissingColumns(header) is { } missing)
        {
            return ([], missing);
        }

        var rows = table.Skip(1).Select(row => ToRow(row.Number, header.Select((name, i) => (name, value: i < row.Cells.Count ? row.Cells[i] : null))
            .GroupBy(p => p.name).ToDictionary(g => g.Key, g => g.First().value))).ToList();
        return (rows, rows.Count == 0 ? new ImportProblem(null, "File_NoRows") : null);
    }

    /// <summary>
    /// Reads every non-empty line of a CSV (UTF-8, or UTF-16 with a byte-order mark; comma, semicolon or tab) or XLSX
    /// file as cells, numbered as a spreadsheet program numbers them, without interpreting any line as a header.
    /// </summary>
    public static async Task<(IReadOnlyList<RawRow> Rows, ImportProblem? Problem)> ReadTableAsync(IFormFile? file, CancellationToken cancellationToken)
    {
        if (file is null || file.Length == 0)
        {
            return ([], new ImportProblem(null, "File_Empty"));
        }

        if (file.Length > MaxBytes)
        {
            return ([], new ImportProblem(null, "File_TooLarge", MaxBytes / (1024 * 1024)));
        }

        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, cancellationToken);
        var bytes = buffer.ToArray();
        var extension = Path.GetExtension(file.FileName).ToLowerInvariant();
        try
        {
            var (rows, problem) = extension switch
            {
                ".csv" or ".txt" or ".tsv" => ReadCsv(bytes),
                ".xlsx" when bytes.AsSpan().StartsWith(ZipSignature) => ReadXlsx(bytes),
                ".xlsx" => ([], new ImportProblem(null, "File_NotXlsx")),
                _ => ([], new ImportProblem(null, "File_WrongType")),
            };
            return problem is null && rows.Count == 0 ? ([], new ImportProblem(null, "File_Empty")) : (rows, problem);
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException or CsvHelperException or InvalidOperationException or FormatException)
        {
            return ([], new ImportProblem(null, extension == ".xlsx" ? "File_NotXlsx" : "File_Unreadable"));
        }
    }

    private static (IReadOnlyList<RawRow>, ImportProblem?) ReadCsv(byte[] bytes)
    {
        string text;
        try
        {
            // UTF-16 only with its byte-order mark (as Teams writes it); otherwise strict UTF-8, so that a file saved
            // as Latin-1 is refused instead of importing broken accents.
            text = bytes.AsSpan().StartsWith(Utf16LittleEndianMark) ? Encoding.Unicode.GetString(bytes, 2, bytes.Length - 2)
                : bytes.AsSpan().StartsWith(Utf16BigEndianMark) ? Encoding.BigEndianUnicode.GetString(bytes, 2, bytes.Length - 2)
                : new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetString(bytes).TrimStart('\uFEFF');
        }
        catch (DecoderFallbackException)
        {
            return ([], new ImportProblem(null, "File_NotUtf8"));
        }

        if (text.Contains('\0', StringComparison.Ordinal))
        {
            return ([], new ImportProblem(null, "File_NotUtf8"));
        }

        var firstLine = text.AsSpan(0, text.IndexOfAny(['\r', '\n']) is var end and >= 0 ? end : text.Length);
        var delimiter = text.Contains('\t', StringComparison.Ordinal) ? "\t" : firstLine.Count(';') > firstLine.Count(',') ? ";" : ",";
        using var reader = new StringReader(text);
        using var parser = new CsvParser(reader, new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            Delimiter = delimiter,
            BadDataFound = null,
            MissingFieldFound = null,
            TrimOptions = TrimOptions.Trim,
        });
        var rows = new List<RawRow>();
        while (parser.Read())
        {
            var cells = parser.Record ?? [];
            if (!cells.All(string.IsNullOrWhiteSpace))
            {
                rows.Add(new RawRow(parser.Row, cells.Select(c => string.IsNullOrWhiteSpace(c) ? null : c.Trim()).ToList()));
            }
        }

        return (rows, null);
    }

    private static (IReadOnlyList<RawRow>, ImportProblem?) ReadXlsx(byte[] bytes)
    {
        using var stream = new MemoryStream(bytes);
        var sheet = stream.Query(useHeaderRow: false).Cast<IDictionary<string, object?>>().ToList();
        var rows = new List<RawRow>();
        for (var r = 0; r < sheet.Count; r++)
        {
            var cells = sheet[r].Values.Select(Cell).ToList();
            if (!cells.All(string.IsNullOrWhiteSpace))
            {
                rows.Add(new RawRow(r + 1, cells));
            }
        }

        return (rows, null);
    }

    // Spreadsheet dates come as DateTime: written in one fixed form that the report reader parses.
    private static string? Cell(object? value) => value switch
    {
        null => null,
        DateTime d => d.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture)?.Trim() is { Length: > 0 } text ? text : null,
    };

    private static ImportProblem? MissingColumns(IReadOnlyList<string> header)
    {
        var missing = DirectoryColumns.All.Where(c => !header.Contains(c)).ToList();
        return missing.Count == 0 ? null : new ImportProblem(null, "File_MissingColumns", string.Join(", ", missing));
    }

    public static ImportRow ToRow(int rowNumber, IReadOnlyDictionary<string, string?> values)
    {
        string? Get(string column) => values.TryGetValue(column, out var v) && !string.IsNullOrWhiteSpace(v) ? v.Trim() : null;
        return new ImportRow(
            rowNumber,
            Get(DirectoryColumns.CountryCode)?.ToUpperInvariant() ?? "",
            Get(DirectoryColumns.LocalGovernment) ?? "",
            Get(DirectoryColumns.LocalGovernmentKind),
            Get(DirectoryColumns.AuthorityName) ?? "",
            Get(DirectoryColumns.Position) ?? "",
            Get(DirectoryColumns.Email) ?? "",
            Get(DirectoryColumns.Phone),
            Get(DirectoryColumns.PreferredLanguage)?.ToLowerInvariant(),
            Get(DirectoryColumns.Gender));
    }
}
