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
/// confirmation, a rejection's confirmation, a quota warning) is posted to as well, with the script payload. A form with
/// nothing to type into (a release, a resend, a deletion) is posted once as it stands.
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
        var asIs = 0;
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
                    forms++;
                    var where = $"{action} (from {entry.Path} as principal {principal})";
                    if (texts.Count == 0 && files.Count == 0)
                    {
                        // Nothing to type into (a release, a resend, a deletion): posted once as a person's click sends it.
                        asIs++;
                        foreach (var button in Buttons(form))
                        {
                            var answer = await CheckAsync(problems, client, where, await PostAsync(client, form, action, texts, "", button));
                            await FollowAsync(problems, client, seen, principal, where, form, answer);
                        }

                        continue;
                    }

                    if (files.Count > 0)
                    {
                        await CheckAsync(problems, client, where, await UploadAsync(client, form, action, files, Encoding.UTF8.GetBytes($"name,email\n{Script},x@test.example.org\n").Concat(new byte[] { 0xC3, 0x28, 0xFF, 0xFE }).ToArray()));
                        await CheckAsync(problems, client, where, await UploadAsync(client, form, action, files, [0x50, 0x4B, 0x03, 0x04, 0x00, 0xFF]));

                        // A well-formed file whose values are the payload: an import reaches its confirmation step.
                        foreach (var wellFormed in new[] { WellFormedDirectoryFile, WellFormedParticipantReport })
                        {
                            var next = await CheckAsync(problems, client, where, await UploadAsync(client, form, action, files, Encoding.UTF8.GetBytes(wellFormed)));
                            await FollowAsync(problems, client, seen, principal, where, form, next);
                        }
                    }

                    if (texts.Count > 0)
                    {
                        await CheckAsync(problems, client, where, await PostAsync(client, form, action, texts, new string('x', 100_000)));
                        await CheckAsync(problems, client, where, await PostRawAsync(client, form, action, texts));
                        foreach (var button in Buttons(form))
                        {
                            var next = await CheckAsync(problems, client, where, await PostAsync(client, form, action, texts, Script, button));
                            await FollowAsync(problems, client, seen, principal, where, form, next);
                        }
                    }
                }
            }
        }

        forms.Should().BeGreaterThan(30, "the walk reaches the portal's forms");
        asIs.Should().BeGreaterThan(10, "forms with nothing to type into are posted too");
        var secondSteps = seen.Where(s => s.EndsWith("(second step)", StringComparison.Ordinal)).ToList();
        secondSteps.Should().Contain(s => s.Contains(" /imports/", StringComparison.Ordinal), "an import's confirmation is posted to as well");
        secondSteps.Should().Contain(s => s.Contains("/attendance/report/", StringComparison.Ordinal) && !s.Contains("/columns", StringComparison.Ordinal), "a participant report's reconciliation is confirmed as well");
        secondSteps.Should().Contain(s => s.Contains(" reject-confirm ", StringComparison.Ordinal), "a rejection's confirmation, reached by the click on reject, is posted to");
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

    // A Zoom export for the matrix cohort's forum (18 Oct 2023, 10:00–12:00 in Montevideo), the payload as the name.
    private static readonly string WellFormedParticipantReport =
        "Name (Original Name),User Email,Join Time,Leave Time,Duration (Minutes),Guest,Recording Consent\n"
        + $"\"{Script.Replace("\"", "\"\"", StringComparison.Ordinal)}\",walk@test.example.org,10/18/2023 10:05:00 AM,10/18/2023 11:50:00 AM,105,No,Y\n";

    /// <summary>Posts the script payload to the forms of the page an answer led to (a second step), once per kind of form.</summary>
    /// <remarks>
    /// A confirmation may post where the first form did (a rejection's reason); the same form shown again with its
    /// errors is not a second step.
    /// </remarks>
    private static async Task FollowAsync(List<string> problems, PortalClient client, HashSet<string> seen, int principal, string from, IHtmlFormElement first, IDocument? page)
    {
        var action = first.GetAttribute("action");
        foreach (var form in page?.QuerySelectorAll("main form[method=post]").OfType<IHtmlFormElement>() ?? [])
        {
            var next = form.GetAttribute("action") ?? action ?? "";
            if ((next == action && Identity(form) == Identity(first)) || Skipped().IsMatch(next)
                || !seen.Add($"{principal} {Digits().Replace(next.Split('?')[0], "#")} {Identity(form)} (second step)"))
            {
                continue;
            }

            foreach (var button in Buttons(form))
            {
                await CheckAsync(problems, client, $"{next} (second step after {from})", await PostAsync(client, form, next, TextFields(form).ToList(), Script, button));
            }
        }
    }

    private static string Identity(IHtmlFormElement form) => form.GetAttribute("data-testid") ?? form.Id ?? "";

    /// <summary>
    /// The named submit buttons, each a different action of the form (approve, reject), the last first: the button
    /// that asks for a confirmation before the one that acts at once on the same rows. A form without one is sent as is.
    /// </summary>
    private static IEnumerable<KeyValuePair<string, string>?> Buttons(IHtmlFormElement form)
    {
        var buttons = form.Elements
            .Where(e => e is IHtmlButtonElement { Type: "submit" } || e is IHtmlInputElement { Type: "submit" })
            .Where(e => !string.IsNullOrEmpty(e.GetAttribute("name")))
            .Select(e => (KeyValuePair<string, string>?)new KeyValuePair<string, string>(e.GetAttribute("name")!, e.GetAttribute("value") ?? ""))
            .Reverse()
            .ToList();
        return buttons.Count == 0 ? [null] : buttons;
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
            else if (element is IHtmlInputElement { Type: "checkbox" } box)
            {
                // Every selection box ticked, as a person choosing rows to act on.
                fields.Add(new(name, box.Value));
            }
            else if (element is IHtmlInputElement { Type: "radio", IsChecked: true } chosen)
            {
                fields.Add(new(name, chosen.Value));
            }
            else if (element is IHtmlSelectElement select)
            {
                fields.Add(new(name, select.Value ?? ""));
            }
        }

        return fields;
    }

    private static async Task<HttpResponseMessage> PostAsync(
        PortalClient client, IHtmlFormElement form, string action, IReadOnlyCollection<IElement> texts, string value, KeyValuePair<string, string>? button = null)
    {
        var fields = Fields(form, texts, value);
        if (button is { } clicked)
        {
            fields.Add(clicked);
        }

        using var content = new FormUrlEncodedContent(fields);
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

    // The form that ends the walker's own session.
    [GeneratedRegex("sign-out")]
    private static partial Regex Skipped();

    [GeneratedRegex(@"\d+")]
    private static partial Regex Digits();
}
