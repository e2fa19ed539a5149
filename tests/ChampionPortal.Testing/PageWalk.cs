using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Dom;

namespace ChampionPortal.Testing;

/// <summary>One page the walk opened: its address, its answer and, for HTML, the page as a browser shows it.</summary>
public sealed record WalkedPage(string Path, HttpStatusCode Status, string? MediaType, IDocument? Page);

/// <summary>
/// Follows every link a signed-in person (or a visitor) can click, from the start pages on, the way a person exploring
/// the portal would: each same-origin GET link once, and at most a few addresses of each shape (the same path with
/// other ids or other query values), so that a list of 40 people is walked through some of them, not all.
/// </summary>
public static partial class PageWalk
{
    public static async Task<IReadOnlyList<WalkedPage>> WalkAsync(PortalClient client, IEnumerable<string> starts, int perShape = 3, int limit = 600)
    {
        var walked = new List<WalkedPage>();
        var queued = new HashSet<string>(StringComparer.Ordinal);
        var shapes = new Dictionary<string, int>(StringComparer.Ordinal);
        var next = new Queue<string>();
        void Enqueue(string path)
        {
            var shape = Shape(path);
            if (Ignored().IsMatch(path) || !queued.Add(path) || shapes.GetValueOrDefault(shape) >= perShape)
            {
                return;
            }

            shapes[shape] = shapes.GetValueOrDefault(shape) + 1;
            next.Enqueue(path);
        }

        foreach (var start in starts)
        {
            Enqueue(start);
        }

        while (next.Count > 0 && walked.Count < limit)
        {
            var path = next.Dequeue();
            using var response = await client.GetAsync(path);
            var media = response.Content.Headers.ContentType?.MediaType;
            if (response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Found && response.Headers.Location is { } location && Local(location.ToString()) is { } target)
            {
                walked.Add(new WalkedPage(path, response.StatusCode, media, null));
                Enqueue(target);
                continue;
            }

            if (media != "text/html")
            {
                walked.Add(new WalkedPage(path, response.StatusCode, media, null));
                continue;
            }

            var page = await client.PageAsync(response);
            walked.Add(new WalkedPage(path, response.StatusCode, media, page));
            foreach (var link in page.QuerySelectorAll("a[href]").Select(a => a.GetAttribute("href")!).Concat(FilterSubmissions(page, path)))
            {
                if (Local(link) is { } local)
                {
                    Enqueue(local);
                }
            }
        }

        return walked;
    }

    /// <summary>
    /// What a person gets from the page's GET forms (filters, cohort choices): each form as shown, and once for each
    /// list it offers with that list's first real choice.
    /// </summary>
    private static IEnumerable<string> FilterSubmissions(IDocument page, string path)
    {
        foreach (var form in page.QuerySelectorAll("form").OfType<AngleSharp.Html.Dom.IHtmlFormElement>().Where(f => !string.Equals(f.Method, "post", StringComparison.OrdinalIgnoreCase)))
        {
            var action = form.GetAttribute("action") is { Length: > 0 } a ? a : path.Split('?')[0];
            var fields = form.Elements.Select(e => e switch
            {
                AngleSharp.Html.Dom.IHtmlInputElement { Type: "checkbox" or "radio", IsChecked: false } => null,
                AngleSharp.Html.Dom.IHtmlInputElement { Type: not ("submit" or "button" or "file") } input when !string.IsNullOrEmpty(input.Name) => (Name: input.Name!, Value: input.Value, Choices: (string[])[]),
                AngleSharp.Html.Dom.IHtmlSelectElement select when !string.IsNullOrEmpty(select.Name) =>
                    (select.Name!, select.Value ?? "", [.. select.Options.Select(o => o.Value).Where(v => v.Length > 0)]),
                _ => ((string Name, string Value, string[] Choices)?)null,
            }).OfType<(string Name, string Value, string[] Choices)>().ToList();
            string Query(int chosen, string? value) =>
                action + "?" + string.Join("&", fields.Select((f, i) => $"{Uri.EscapeDataString(f.Name)}={Uri.EscapeDataString(i == chosen ? value! : f.Value)}"));
            yield return Query(-1, null);
            for (var i = 0; i < fields.Count; i++)
            {
                if (fields[i].Choices.FirstOrDefault(v => v != fields[i].Value) is { } choice)
                {
                    yield return Query(i, choice);
                }
            }
        }
    }

    /// <summary>The path and query of a link inside the portal, or null for other sites, fragments and schemes.</summary>
    private static string? Local(string href)
    {
        if (href.StartsWith('#') || href.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase) || href.StartsWith("tel:", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        // Checked first: on Linux a rooted path also reads as an absolute (file) URI.
        if (href.StartsWith('/'))
        {
            return href.StartsWith("//", StringComparison.Ordinal) ? null : href.Split('#')[0];
        }

        return Uri.TryCreate(href, UriKind.Absolute, out var absolute) && absolute.Scheme is "http" or "https" && absolute.Host is "127.0.0.1" or "localhost"
            ? absolute.PathAndQuery
            : null;
    }

    /// <summary>A path with its numbers and codes blanked and its query reduced to its names: "/cohorts/#/eligibility?cohort".</summary>
    private static string Shape(string path)
    {
        var parts = path.Split('?', 2);
        var shape = Numbers().Replace(parts[0], "#");
        return parts.Length == 1 ? shape : shape + "?" + string.Join("&", parts[1].Split('&').Select(p => p.Split('=')[0]).Order(StringComparer.Ordinal));
    }

    // Links that end the walker's session; static files are checked by their own tests.
    [GeneratedRegex(@"^/(account/sign-out|lib/|css/|js/|images/|_framework)", RegexOptions.IgnoreCase)]
    private static partial Regex Ignored();

    [GeneratedRegex(@"(?<=/)[0-9A-Za-z-]*[0-9][0-9A-Za-z-]*(?=/|$)")]
    private static partial Regex Numbers();
}
