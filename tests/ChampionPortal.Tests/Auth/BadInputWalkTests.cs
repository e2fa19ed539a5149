using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using ChampionPortal.Testing;

namespace ChampionPortal.Tests.Auth;

/// <summary>
/// Walks every page of the authorization matrix as anonymous, an authority, a country office and an administrator,
/// and posts bad input to every form found: very long strings, script payloads, invalid UTF-8, bad files and an
/// oversized body. The answer is a validation message, a redirect after a save, or 400/413; never a 5xx. What a
/// save stores is rendered escaped on the page it leads to. A form that an answer leads to (an import's
/// confirmation, a rejection's confirmation, a quota warning) is posted to as well, with the script payload.
/// </summary>
public sealed partial class BadInputWalkTests(AuthorizationMatrixTests.MatrixFixture fixture) : IClassFixture<AuthorizationMatrixTests.MatrixFixture>
{
    private const string Script = "<script>alert('pwn')</script>\"><img src=x onerror=alert(1)>";
    private static readonly int[] Walkers = [0, 1, 3, 6];

    [Fact]
    public async Task Every_form_answers_bad_input_without_a_server_error_and_stores_nothing_unescaped()
    {
        var problems = new List<string>();
        var seen = new HashSet<string>();
        var forms = 0;
        foreach (var principal in Walkers)
        {
            var client = fixture.Client(principal);
            foreach (var entry in fixture.Matrix.Where(e => e.Endpoint.StartsWith("GET ", StringComparison.Ordinal) && e.Expected[principal] == 'A'))
            {
                var response = await client.GetAsync(entry.Path);
                if (response.Content.Headers.ContentType?.MediaType != "text/html")
                {
                    continue;
                }

                var page = await client.PageAsync(response);
                foreach (var form in page.QuerySelectorAll("main form[method=post]").OfType<IHtmlFormElement>())
                {
                    var action = form.GetAttribute("action") ?? entry.Path;
                    if (Skipped().IsMatch(action) || !seen.Add($"{principal} {Digits().Replace(action.Split('?')[0], "#")}"))
                    {
                        continue;
                    }

                    var files = form.QuerySelectorAll("input[type=file]").OfType<IHtmlInputElement>().ToList();
                    var texts = TextFields(form).ToList();
                    if (texts.Count == 0 && files.Count == 0)
                    {
                        continue;
                    }

                    forms++;
                    var where = $"{action} (from {entry.Path} as principal {principal})";
                    if (files.Count > 0)
                    {
                        await CheckAsync(problems, client, where, await UploadAsync(client, form, action, files, Encoding.UTF8.GetBytes($"name,email\n{Script},x@test.example.org\n").Concat(new byte[] { 0xC3, 0x28, 0xFF, 0xFE }).ToArray()));
                        await CheckAsync(problems, client, where, await UploadAsync(client, form, action, files, [0x50, 0x4B, 0x03, 0x04, 0x00, 0xFF]));

                        // A well-formed file whose values are the payload: an import reaches its confirmation step.
                        var next = await CheckAsync(problems, client, where, await UploadAsync(client, form, action, files, Encoding.UTF8.GetBytes(WellFormedDirectoryFile)));
                        await FollowAsync(problems, client, seen, principal, where, action, next);
                    }

                    if (texts.Count > 0)
                    {
                        await CheckAsync(problems, client, where, await PostAsync(client, form, action, texts, new string('x', 100_000)));
                        var next = await CheckAsync(problems, client, where, await PostAsync(client, form, action, texts, Script));
                        await CheckAsync(problems, client, where, await PostRawAsync(client, form, action, texts));
                        await FollowAsync(problems, client, seen, principal, where, action, next);
                    }
                }
            }
        }

        forms.Should().BeGreaterThan(30, "the walk reaches the portal's forms");
        seen.Where(s => s.EndsWith("(second step)", StringComparison.Ordinal)).Should().Contain(s => s.Contains(" /imports/", StringComparison.Ordinal), "an import's confirmation is posted to as well");
        problems.Should().BeEmpty();
    }

    [Fact]
    public async Task An_oversized_body_or_form_value_is_refused_with_400_or_413_on_the_portals_page()
    {
        var admin = fixture.Client(6);

        // The client announces the body and waits, as browsers and proxies may: the portal answers before reading it.
        using var huge = new ByteArrayContent(new byte[40 * 1024 * 1024]);
        huge.Headers.ContentType = new("application/x-www-form-urlencoded");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/authorities/new") { Content = huge };
        request.Headers.ExpectContinue = true;
        var refused = await admin.SendAsync(request);
        refused.StatusCode.Should().BeOneOf(HttpStatusCode.BadRequest, HttpStatusCode.RequestEntityTooLarge);
        (await refused.Content.ReadAsStringAsync()).Should().Contain("data-status=\"" + (int)refused.StatusCode + "\"", "the portal's page for that status, not a 404");

        // Within the body limit, one value over the form reader's 4 MB.
        var fields = new List<KeyValuePair<string, string>> { new("__RequestVerificationToken", fixture.Token(6)), new("Form.FullName", new string('x', 5 * 1024 * 1024)) };
        using var content = new FormUrlEncodedContent(fields);
        using var longValue = new HttpRequestMessage(HttpMethod.Post, "/authorities/new") { Content = content };
        var response = await admin.SendAsync(longValue);
        response.StatusCode.Should().BeOneOf(HttpStatusCode.BadRequest, HttpStatusCode.RequestEntityTooLarge);
        (await response.Content.ReadAsStringAsync()).Should().Contain("data-status=\"" + (int)response.StatusCode + "\"");
    }

    private static readonly string WellFormedDirectoryFile =
        string.Join(",", ChampionPortal.Web.Infrastructure.Tabular.DirectoryColumns.All) + "\n"
        + $"UY,\"{Script.Replace("\"", "\"\"", StringComparison.Ordinal)}\",Municipality,\"{Script.Replace("\"", "\"\"", StringComparison.Ordinal)}\",Intendente,walk@test.example.org,,es,Man\n";

    /// <summary>Posts the script payload to the forms of the page an answer led to (a second step), once per kind of form.</summary>
    private static async Task FollowAsync(List<string> problems, PortalClient client, HashSet<string> seen, int principal, string from, string action, IDocument? page)
    {
        foreach (var form in page?.QuerySelectorAll("main form[method=post]").OfType<IHtmlFormElement>() ?? [])
        {
            var next = form.GetAttribute("action") ?? action;
            if (next == action || Skipped().IsMatch(next) || !seen.Add($"{principal} {Digits().Replace(next.Split('?')[0], "#")} (second step)"))
            {
                continue;
            }

            await CheckAsync(problems, client, $"{next} (second step after {from})", await PostAsync(client, form, next, TextFields(form).ToList(), Script));
        }
    }

    private static IEnumerable<IElement> TextFields(IHtmlFormElement form) =>
        form.Elements.Where(e => e is IHtmlTextAreaElement
            || e is IHtmlInputElement { Type: not ("hidden" or "checkbox" or "radio" or "submit" or "file" or "button") } input && !string.IsNullOrEmpty(input.Name))
            .Where(e => !string.IsNullOrEmpty(e.GetAttribute("name")));

    private static List<KeyValuePair<string, string>> Fields(IHtmlFormElement form, IReadOnlyCollection<IElement> texts, string value)
    {
        var fields = new List<KeyValuePair<string, string>>();
        foreach (var element in form.Elements)
        {
            var name = element.GetAttribute("name");
            if (string.IsNullOrEmpty(name))
            {
                continue;
            }

            if (texts.Contains(element))
            {
                fields.Add(new(name, value));
            }
            else if (element is IHtmlInputElement { Type: "hidden" } hidden)
            {
                fields.Add(new(name, hidden.Value));
            }
            else if (element is IHtmlSelectElement select)
            {
                fields.Add(new(name, select.Value ?? ""));
            }
        }

        return fields;
    }

    private static async Task<HttpResponseMessage> PostAsync(PortalClient client, IHtmlFormElement form, string action, IReadOnlyCollection<IElement> texts, string value)
    {
        using var content = new FormUrlEncodedContent(Fields(form, texts, value));
        using var request = new HttpRequestMessage(HttpMethod.Post, action) { Content = content };
        return await client.SendAsync(request);
    }

    // Bytes that are not UTF-8 (a truncated sequence, 0xFF, 0xFE) both percent-encoded and raw in the body.
    private static async Task<HttpResponseMessage> PostRawAsync(PortalClient client, IHtmlFormElement form, string action, IReadOnlyCollection<IElement> texts)
    {
        var body = new List<byte>();
        foreach (var (name, value) in Fields(form, texts, "\u0001"))
        {
            if (body.Count > 0)
            {
                body.Add((byte)'&');
            }

            body.AddRange(Encoding.ASCII.GetBytes(Uri.EscapeDataString(name) + "="));
            body.AddRange(value == "\u0001" ? [.. Encoding.ASCII.GetBytes("%C3%28%FF"), 0xC3, 0x28, 0xFF, 0xFE] : Encoding.ASCII.GetBytes(Uri.EscapeDataString(value)));
        }

        using var content = new ByteArrayContent([.. body]);
        content.Headers.ContentType = new("application/x-www-form-urlencoded");
        using var request = new HttpRequestMessage(HttpMethod.Post, action) { Content = content };
        return await client.SendAsync(request);
    }

    private static async Task<HttpResponseMessage> UploadAsync(PortalClient client, IHtmlFormElement form, string action, IReadOnlyCollection<IHtmlInputElement> files, byte[] bytes)
    {
        using var body = new MultipartFormDataContent();
        foreach (var (name, value) in Fields(form, [], ""))
        {
            body.Add(new StringContent(value), name);
        }

        foreach (var file in files)
        {
            body.Add(new ByteArrayContent(bytes), file.Name!, "bad.csv");
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, action) { Content = body };
        return await client.SendAsync(request);
    }

    /// <summary>Checks the answer; returns the page it showed, when it is one, for a second step.</summary>
    private static async Task<IDocument?> CheckAsync(List<string> problems, PortalClient client, string where, HttpResponseMessage response)
    {
        using (response)
        {
            if ((int)response.StatusCode >= 500)
            {
                problems.Add($"{where}: {(int)response.StatusCode}");
                return null;
            }

            var shown = response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.SeeOther && response.Headers.Location is { } next
                ? await (await client.GetAsync(next.ToString())).Content.ReadAsStringAsync()
                : await response.Content.ReadAsStringAsync();
            if (shown.Contains("<script>alert('pwn')", StringComparison.Ordinal) || shown.Contains("<img src=x onerror", StringComparison.Ordinal))
            {
                problems.Add($"{where}: the script payload is in the page unescaped");
            }

            return response.StatusCode == HttpStatusCode.OK && response.Content.Headers.ContentType?.MediaType == "text/html"
                ? new AngleSharp.Html.Parser.HtmlParser().ParseDocument(shown)
                : null;
        }
    }

    // Forms whose only effect is to end a session, remove something or switch something off: nothing to type into.
    // (Revoking takes a reason, and is walked.)
    [GeneratedRegex("sign-out|/delete|/erase|/remove|deactivate|reactivate|disable|/language|withdraw|release|resend|supersede|recovery-codes|send-password-link|reset-lockout|/close$")]
    private static partial Regex Skipped();

    [GeneratedRegex(@"\d+")]
    private static partial Regex Digits();
}
