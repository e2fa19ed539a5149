using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Primitives;

namespace ChampionPortal.Web.Features.Shared;

/// <summary>Links of a list page that keep the current filters and change one thing: the page, the size or the sort.</summary>
public static class ListLinks
{
    // Read from request.Query, which the framework parses once per request: a list page has a dozen such links, and
    // parsing the query string again for each was a noticeable part of rendering the authorities list.
    public static string With(HttpRequest request, params (string Key, string? Value)[] changes)
    {
        var query = request.Query;
        var kept = new List<KeyValuePair<string, string?>>(query.Count + changes.Length);
        foreach (var (key, values) in query)
        {
            var value = values.ToString();
            foreach (var change in changes)
            {
                if (string.Equals(change.Key, key, StringComparison.OrdinalIgnoreCase))
                {
                    value = change.Value;
                }
            }

            Keep(kept, key, value);
        }

        foreach (var (key, value) in changes)
        {
            if (!query.ContainsKey(key))
            {
                Keep(kept, key, value);
            }
        }

        return QueryHelpers.AddQueryString(request.PathBase + request.Path, kept);
    }

    /// <summary>The list's export in the given format, with the filters and sort the reader has chosen.</summary>
    public static string Export(HttpRequest request, string format)
    {
        var values = request.Query
            .Where(p => p.Key is not ("page" or "size") && !StringValues.IsNullOrEmpty(p.Value))
            .Select(p => new KeyValuePair<string, string?>(p.Key, p.Value.ToString()))
            .Append(new KeyValuePair<string, string?>("format", format));
        return QueryHelpers.AddQueryString($"{request.PathBase}{request.Path.Value?.TrimEnd('/')}/export", values);
    }

    public static string Page(HttpRequest request, int page) =>
        With(request, ("page", page.ToString(System.Globalization.CultureInfo.InvariantCulture)));

    public static string Size(HttpRequest request, int size) =>
        With(request, ("size", size.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("page", null));

    /// <summary>
    /// Sorting by the column again reverses it, the list's default order included; a new sort starts from the first
    /// page. A column named with a leading minus ("-criteria") is one whose first order is descending.
    /// </summary>
    public static string Sort(HttpRequest request, ListQuery query, string column, string defaultColumn) =>
        With(request, ("sort", Effective(query, defaultColumn) == column ? Reversed(column) : column), ("page", null));

    public static string? AriaSort(ListQuery query, string column, string defaultColumn)
    {
        var sort = Effective(query, defaultColumn);
        var descending = column.StartsWith('-');
        return sort == column ? (descending ? "descending" : "ascending")
            : sort == Reversed(column) ? (descending ? "ascending" : "descending")
            : null;
    }

    private static string Effective(ListQuery query, string defaultColumn) => string.IsNullOrEmpty(query.Sort) ? defaultColumn : query.Sort;

    private static string Reversed(string column) => column.StartsWith('-') ? column[1..] : "-" + column;

    private static void Keep(List<KeyValuePair<string, string?>> kept, string key, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            kept.Add(new(key.ToLowerInvariant(), value));
        }
    }
}
