using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;
using MiniExcelLibs;

namespace ChampionPortal.Web.Infrastructure.Tabular;

public enum TabularFormat
{
    Csv,
    Xlsx,
}

/// <summary>A header and rows of text: what every export writes and every import reads.</summary>
public sealed record Table(IReadOnlyList<string> Header, IReadOnlyList<IReadOnlyList<string?>> Rows);

/// <summary>Writes tables as CSV (UTF-8 with a byte-order mark, so that spreadsheet programs read accents) or XLSX.</summary>
public static class TabularFile
{
    public static (byte[] Content, string ContentType, string FileName) Write(Table table, TabularFormat format, string baseName)
    {
        var rows = table.Rows.Select(r => r.Select(Neutralize).ToList()).ToList();
        return format == TabularFormat.Xlsx
            ? (Xlsx(table.Header, rows), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"{baseName}.xlsx")
            : (Csv(table.Header, rows), "text/csv; charset=utf-8", $"{baseName}.csv");
    }

    /// <summary>
    /// A cell that begins with =, +, - or @ (or a tab or carriage return) would run as a formula when the file is opened
    /// in a spreadsheet program: it is written with a leading apostrophe, which the program shows as text. A plain
    /// number (a negative latitude) is no formula and stays as it is.
    /// </summary>
    public static string? Neutralize(string? value) =>
        value is { Length: > 0 } && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r' && !double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out _)
            ? "'" + value : value;

    private static byte[] Csv(IReadOnlyList<string> header, List<List<string?>> rows)
    {
        using var stream = new MemoryStream();
        using (var writer = new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true)))
        using (var csv = new CsvWriter(writer, new CsvConfiguration(CultureInfo.InvariantCulture)))
        {
            foreach (var name in header)
            {
                csv.WriteField(name);
            }

            csv.NextRecord();
            foreach (var row in rows)
            {
                foreach (var cell in row)
                {
                    csv.WriteField(cell ?? "");
                }

                csv.NextRecord();
            }
        }

        return stream.ToArray();
    }

    /// <summary>
    /// A cell as a spreadsheet should hold it: figures (counts, coordinates) as numbers, so that they can be added up
    /// and charted; everything else as text. A number with a leading zero ("0123", a code) or more digits than a
    /// spreadsheet keeps exactly stays text.
    /// </summary>
    private static object? Cell(string? value) =>
        value is { Length: > 0 and <= 16 }
        && !(value.TrimStart('-').Length > 1 && value.TrimStart('-')[0] == '0' && value.TrimStart('-')[1] != '.')
        && value.All(c => char.IsAsciiDigit(c) || c is '-' or '.')
        && double.TryParse(value, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number)
            ? number
            : value;

    private static byte[] Xlsx(IReadOnlyList<string> header, List<List<string?>> rows)
    {
        var records = rows.Select(row =>
        {
            var record = new Dictionary<string, object?>();
            for (var i = 0; i < header.Count; i++)
            {
                record[header[i]] = i < row.Count ? Cell(row[i]) : null;
            }

            return record;
        }).ToList();
        using var stream = new MemoryStream();
        if (records.Count == 0)
        {
            // MiniExcel takes its columns from the rows: an empty table is written as its header row alone.
            stream.SaveAs(new[] { header.ToDictionary(h => h, h => (object?)h) }, printHeader: false);
        }
        else
        {
            stream.SaveAs(records, printHeader: true);
        }

        return stream.ToArray();
    }
}
