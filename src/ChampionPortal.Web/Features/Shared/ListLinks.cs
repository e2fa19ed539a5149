using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Primitives;

namespace ChampionPortal.Web.Features.Shared;

/// <summary>Links of a list page that keep the current filters and change one thing: the page, the size or the sort.</summary>
public static class ListLinks
{
    public static string With(HttpRequest request, params (string Key, string? Value)[] changes)
    {
        var values = QueryHelpers.ParseQuery(request.QueryString.Value)
            .ToDictionary(p => p.Key, p => p.Value, StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in changes)
        {
            values[key] = value is null ? StringValues.Empty : new StringValues(value);
        }

        var kept = values.Where(p => !StringValues.IsNullOrEmpty(p.Value)).Select(p => new KeyValuePair<string, string?>(p.Key.ToLowerInvariant(), p.Value.ToString()));
        return QueryHelpers.AddQueryString(request.PathBase + request.Path, kept);
    }

    /// <summary>The list's export in the given format, with the filters and sort the reader has chosen.</summary>
    public static string Export(HttpRequest request, string format)
    {
        var values = QueryHelpers.ParseQuery(request.QueryString.Value)
            .Where(p => p.Key is not ("page" or "size") && !StringValues.IsNullOrEmpty(p.Value))
            .Select(p => new KeyValuePair<string, string?>(p.Key, p.Value.ToString()))
            .Append(new KeyValuePair<string, string?>("format", format));
        return QueryHelpers.AddQueryString($"{request.PathBase}{request.Path.Value?.TrimEnd('/')}/export", values);
    }

    public static string Page(HttpRequest request, int page) =>
        With(request, ("page", page.ToString(System.Globalization.CultureInfo.InvariantCulture)));

    public static string Size(HttpRequest request, int size) =>
        With(request, ("size", size.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("page", null));

    /// <summary>Sorting by the column again reverses it; a new sort starts from the first page.</summary>
    public static string Sort(HttpRequest request, ListQuery query, string column) =>
        With(request, ("sort", query.Sort == column ? "-" + column : column), ("page", null));

    public static string? AriaSort(ListQuery query, string column, string defaultColumn) =>
        query.Sort == column || (column == defaultColumn && string.IsNullOrEmpty(query.Sort)) ? "ascending"
        : query.Sort == "-" + column ? "descending"
        : null;
}
