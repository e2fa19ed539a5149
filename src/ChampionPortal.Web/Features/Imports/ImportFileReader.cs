using System.Globalization;
using System.Text;
using ChampionPortal.Web.Infrastructure.Tabular;
using CsvHelper;
using CsvHelper.Configuration;
using MiniExcelLibs;

namespace ChampionPortal.Web.Features.Imports;

/// <summary>
/// Reads an uploaded CSV (UTF-8, comma or semicolon) or XLSX file into rows of the directory columns, or says
/// why the file as a whole cannot be read. Rows are not judged here; <see cref="DirectoryImport"/> does that.
/// </summary>
public static class ImportFileReader
{
    public const long MaxBytes = 2 * 1024 * 1024;
    private static readonly byte[] ZipSignature = [0x50, 0x4B, 0x03, 0x04];

    public static async Task<(IReadOnlyList<ImportRow> Rows, ImportProblem? Problem)> ReadAsync(IFormFile? file, CancellationToken cancellationToken)
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
            return extension switch
            {
                ".csv" => ReadCsv(bytes),
                ".xlsx" when bytes.AsSpan().StartsWith(ZipSignature) => ReadXlsx(bytes),
                ".xlsx" => ([], new ImportProblem(null, "File_NotXlsx")),
                _ => ([], new ImportProblem(null, "File_WrongType")),
            };
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException or CsvHelperException or InvalidOperationException or FormatException)
        {
            return ([], new ImportProblem(null, extension == ".xlsx" ? "File_NotXlsx" : "File_Unreadable"));
        }
    }

    private static (IReadOnlyList<ImportRow>, ImportProblem?) ReadCsv(byte[] bytes)
    {
        string text;
        try
        {
            // Strict UTF-8: a file saved as Latin-1 or UTF-16 is refused instead of importing broken accents.
            text = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetString(bytes).TrimStart('\uFEFF');
        }
        catch (DecoderFallbackException)
        {
            return ([], new ImportProblem(null, "File_NotUtf8"));
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            return ([], new ImportProblem(null, "File_Empty"));
        }

        if (text.Contains('\0', StringComparison.Ordinal))
        {
            return ([], new ImportProblem(null, "File_NotUtf8"));
        }

        var firstLine = text.AsSpan(0, text.IndexOfAny(['\r', '\n']) is var end and >= 0 ? end : text.Length);
        var delimiter = firstLine.Count(';') > firstLine.Count(',') ? ";" : ",";
        using var reader = new StringReader(text);
        using var csv = new CsvReader(reader, new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            Delimiter = delimiter,
            BadDataFound = null,
            MissingFieldFound = null,
            TrimOptions = TrimOptions.Trim,
        });
        csv.Read();
        csv.ReadHeader();
        var header = csv.HeaderRecord?.Select(h => h.Trim().ToLowerInvariant()).ToList() ?? [];
        if (MissingColumns(header) is { } missing)
        {
            return ([], missing);
        }

        var rows = new List<ImportRow>();
        while (csv.Read())
        {
            var values = header.Select((name, i) => (name, value: csv.TryGetField<string>(i, out var v) ? v : null)).ToDictionary(p => p.name, p => p.value);
            if (values.Values.All(string.IsNullOrWhiteSpace))
            {
                continue;
            }

            rows.Add(ToRow(csv.Parser.Row, values));
        }

        return (rows, rows.Count == 0 ? new ImportProblem(null, "File_NoRows") : null);
    }

    private static (IReadOnlyList<ImportRow>, ImportProblem?) ReadXlsx(byte[] bytes)
    {
        using var stream = new MemoryStream(bytes);
        var sheet = stream.Query(useHeaderRow: false).Cast<IDictionary<string, object?>>().ToList();
        if (sheet.Count == 0)
        {
            return ([], new ImportProblem(null, "File_Empty"));
        }

        var columns = sheet[0].Keys.ToList();
        var header = columns.Select(c => Convert.ToString(sheet[0][c], CultureInfo.InvariantCulture)?.Trim().ToLowerInvariant() ?? "").ToList();
        if (MissingColumns(header) is { } missing)
        {
            return ([], missing);
        }

        var rows = new List<ImportRow>();
        for (var r = 1; r < sheet.Count; r++)
        {
            var values = new Dictionary<string, string?>();
            for (var c = 0; c < columns.Count; c++)
            {
                values[header[c]] = Convert.ToString(sheet[r][columns[c]], CultureInfo.InvariantCulture)?.Trim();
            }

            if (!values.Values.All(string.IsNullOrWhiteSpace))
            {
                rows.Add(ToRow(r + 1, values));
            }
        }

        return (rows, rows.Count == 0 ? new ImportProblem(null, "File_NoRows") : null);
    }

    private static ImportProblem? MissingColumns(IReadOnlyList<string> header)
    {
        var missing = DirectoryColumns.All.Where(c => !header.Contains(c)).ToList();
        return missing.Count == 0 ? null : new ImportProblem(null, "File_MissingColumns", string.Join(", ", missing));
    }

    private static ImportRow ToRow(int rowNumber, Dictionary<string, string?> values)
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
