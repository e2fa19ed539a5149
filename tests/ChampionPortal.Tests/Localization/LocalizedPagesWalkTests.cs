using System.Net;
using AngleSharp.Dom;
using ChampionPortal.Testing;
using ChampionPortal.Tests.Certificates;
using ChampionPortal.Web.Domain;

namespace ChampionPortal.Tests.Localization;

/// <summary>
/// Walks every main page as each role in Spanish and in Portuguese and fails on English left on the page (see
/// <see cref="EnglishLeftovers"/>), a count of one with a plural noun, or a numeric date.
/// </summary>
public sealed partial class LocalizedPagesWalkTests(PortalFixture fixture) : IClassFixture<PortalFixture>
{
    [Theory]
    [InlineData("es")]
    [InlineData("pt")]
    public async Task No_page_shows_english_where_a_translation_exists(string language)
    {
        var s = await CertificateTests.SetupAsync(fixture.App, $"L10N-{language.ToUpperInvariant()}");
        using (var staff = await fixture.App.SignedInClientAsync(Roles.RegionalStaff))
        {
            var (_, list) = await staff.GetPageAsync($"/certificates?cohort={s.Cohort}");
            await staff.SubmitAsync(list, new Dictionary<string, string?>(), "[data-testid=issue-form]");
            await fixture.App.IssuancesFinishedAsync();
        }

        // Event names are data, typed by staff in the language of their choice: named here as staff in the region would.
        await fixture.App.WithDbAsync(async db =>
        {
            foreach (var e in db.Events.Where(e => e.CohortId == s.Cohort))
            {
                e.Name = e.Kind == EventKind.LaunchForum ? "Foro de Lanzamiento" : "Taller de Intercambio";
            }

            return await db.SaveChangesAsync();
        });

        var english = new EnglishLeftovers(language);
        var walks = new (string? Role, string? Country, int? Authority, string[] Paths)[]
        {
            (null, null, null, ["/", "/champions", "/verify", "/verify/AAAA-BBBB-CCCC", "/account/sign-in", "/account/forgot-password", "/resources"]),
            (Roles.Administrator, null, null, ["/", "/users", "/reference-data", "/settings/certificates", "/outbox", "/account/profile", "/audit"]),
            (Roles.RegionalStaff, null, null,
            [
                "/", "/cohorts", $"/cohorts/{s.Cohort}", $"/cohorts/{s.Cohort}/eligibility", $"/certificates?cohort={s.Cohort}", $"/funnel?cohort={s.Cohort}",
                "/nominations", "/local-governments", "/local-governments/new", "/authorities", "/authorities/new", "/mapping", "/agenda", "/resources", "/dissemination",
            ]),
            (Roles.CountryOffice, "BR", null, ["/", "/nominations", "/local-governments", "/authorities", $"/funnel?cohort={s.Cohort}", "/certificates"]),
            (Roles.Authority, null, s.Conceicao, ["/", "/certificates", "/mapping", "/agenda", "/account/profile", "/account/change-password"]),
        };

        var leftovers = new List<string>();
        foreach (var (role, country, authority, paths) in walks)
        {
            using var client = role is null ? fixture.App.NewClient(language) : await fixture.App.SignedInClientAsync(role, country, language, authority);
            foreach (var path in paths)
            {
                var (response, page) = await client.GetPageAsync(path);
                response.StatusCode.Should().BeOneOf([HttpStatusCode.OK, HttpStatusCode.NotFound], $"{role ?? "anyone"} opens {path}");
                page.DocumentElement.GetAttribute("lang").Should().StartWith(language, $"{path} is in {language}");
                leftovers.AddRange(english.On(page).Select(text => $"{role ?? "anyone"} {path}: {text}"));
                leftovers.AddRange(OneWithPlural().Matches(page.Body!.TextContent).Select(m => $"{role ?? "anyone"} {path}: one with a plural noun, \"{m.Value}\""));
                leftovers.AddRange(NumericDate().Matches(page.Body!.TextContent).Select(m => $"{role ?? "anyone"} {path}: a numeric date, \"{m.Value}\""));
            }
        }

        leftovers.Should().BeEmpty(string.Join(Environment.NewLine, leftovers.Distinct()));
    }

    internal static IEnumerable<string> Texts(IDocument page) =>
        page.Body!.Descendants<IText>()
            .Where(t => t.ParentElement is { } parent && parent.LocalName is not ("script" or "style") && parent.Closest("[lang]:not(html)") is null)
            .Select(t => System.Text.RegularExpressions.Regex.Replace(t.Data, @"\s+", " ").Trim())
            .Where(t => t.Length > 0)
            .Concat(page.QuerySelectorAll("[placeholder],[aria-label],[title],input[type=submit][value]")
                .SelectMany(e => new[] { e.GetAttribute("placeholder"), e.GetAttribute("aria-label"), e.GetAttribute("title") }.OfType<string>()));

    [Fact]
    public async Task English_pages_write_dates_that_read_one_way_only()
    {
        var s = await CertificateTests.SetupAsync(fixture.App, "L10N-EN");
        using var staff = await fixture.App.SignedInClientAsync(Roles.RegionalStaff);
        var (_, list) = await staff.GetPageAsync($"/certificates?cohort={s.Cohort}");
        await staff.SubmitAsync(list, new Dictionary<string, string?>(), "[data-testid=issue-form]");
        await fixture.App.IssuancesFinishedAsync();

        var numeric = new List<string>();
        foreach (var path in new[] { "/cohorts", $"/certificates?cohort={s.Cohort}", $"/invitations?cohort={s.Cohort}", "/outbox", "/audit" })
        {
            using var client = path is "/outbox" or "/audit" ? await fixture.App.SignedInClientAsync(Roles.Administrator) : null;
            var (_, page) = await (client ?? staff).GetPageAsync(path);
            numeric.AddRange(NumericDate().Matches(page.Body!.TextContent).Select(m => $"{path}: {m.Value}"));
        }

        numeric.Should().BeEmpty("\"12/2/2026\" is 2 December to some readers and 12 February to others");
        (await staff.GetPageAsync($"/certificates?cohort={s.Cohort}")).Page.QuerySelector("[data-testid=certificates] tbody td:nth-child(5), [data-testid=certificates] tbody")!
            .TextContent.Should().MatchRegex(@"\b\d{1,2} [A-Z][a-z]{2} \d{4}\b", "issued on, as \"2 Dec 2026\"");
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"\b\d{1,2}/\d{1,2}/\d{2,4}\b")]
    private static partial System.Text.RegularExpressions.Regex NumericDate();

    /// <summary>"1" (not part of a larger number) before a plural noun of either language: a count that chose no plural form.</summary>
    [System.Text.RegularExpressions.GeneratedRegex(@"(?<![\d.,])\b1 (de 1 )?(gobiernos|governos|personas|pessoas|sesiones|sessões|países|certificados|ítems|itens|invitaciones|convites|destinatarios|destinatários|horas|días|dias|minutos|cambios|alterações|objetivos|autoridades|marcas|marcações|requeridas|exigidas|elegibles|elegíveis)\b")]
    internal static partial System.Text.RegularExpressions.Regex OneWithPlural();
}
