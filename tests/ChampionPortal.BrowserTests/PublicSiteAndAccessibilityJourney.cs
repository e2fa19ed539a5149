using System.Text.Json;
using ChampionPortal.Testing;
using ChampionPortal.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace ChampionPortal.BrowserTests;

/// <summary>
/// The public pages in three languages, photographed, and axe-core (restored from npm with the front-end packages)
/// run on every main page as each role: any serious or critical violation fails.
/// </summary>
public sealed class PublicSiteAndAccessibilityJourney(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private static readonly string AxeSource = File.ReadAllText(Path.Combine(TestPaths.RepositoryRoot!.FullName, "node_modules", "axe-core", "axe.min.js"));

    [Fact]
    public async Task The_public_pages_in_three_languages_and_every_main_page_as_each_role_pass_axe_without_serious_violations()
    {
        var cohort = await SeedAsync("J-PUB");
        var violations = new List<string>();

        foreach (var language in new[] { "en", "es", "pt" })
        {
            await using var visitor = await fixture.StartJourneyAsync($"public-{language}", language);
            foreach (var (path, name) in new[] { ("/", "home"), ("/champions", "champions"), ("/verify", "verify"), ("/account/sign-in", "sign-in") })
            {
                await visitor.Page.GotoAsync(path);
                await visitor.ShotAsync(name);
                violations.AddRange(await AxeAsync(visitor.Page, $"{language} anonymous {path}"));
            }

            (await visitor.Page.Locator("html").GetAttributeAsync("lang")).Should().StartWith(language);
        }

        var pagesByRole = new (string Role, string? Country, int? Authority, string[] Paths)[]
        {
            (Roles.Administrator, null, null, ["/", "/users", "/reference-data", "/settings/certificates", "/outbox", "/audit"]),
            (Roles.RegionalStaff, null, null, ["/", "/cohorts", $"/cohorts/{cohort.Id}", $"/cohorts/{cohort.Id}/eligibility", $"/certificates?cohort={cohort.Id}", $"/funnel?cohort={cohort.Id}", "/nominations", "/local-governments", "/authorities", "/mapping", "/agenda", "/resources"]),
            (Roles.CountryOffice, "BR", null, ["/", "/nominations", "/local-governments", "/authorities", $"/funnel?cohort={cohort.Id}", "/certificates"]),
            (Roles.Authority, null, cohort.Champion, ["/", "/certificates", "/mapping", "/agenda", "/account/profile"]),
        };
        foreach (var (role, country, authority, paths) in pagesByRole)
        {
            var email = await fixture.App.CreateUserAsync(role, country, authority);
            await using var user = await fixture.StartJourneyAsync($"axe-{role.ToLowerInvariant()}");
            await user.SignInAsync(email);
            foreach (var path in paths)
            {
                var response = await user.Page.GotoAsync(path);
                response!.Ok.Should().BeTrue($"{role} reaches {path}");
                violations.AddRange(await AxeAsync(user.Page, $"{role} {path}"));
            }
        }

        violations.Should().BeEmpty(string.Join(Environment.NewLine, violations.Distinct()));
    }

    [Fact]
    public async Task A_visitor_verifies_a_certificate_and_staff_sign_in_with_the_keyboard_alone_with_focus_always_visible()
    {
        var cohort = await SeedAsync("J-KEY");
        var code = await fixture.App.WithDbAsync(db => db.Certificates.Where(c => c.CohortId == cohort.Id).Select(c => c.VerificationCode).FirstAsync());
        await using var visitor = await fixture.StartJourneyAsync("keyboard", "es");
        var page = visitor.Page;
        await page.GotoAsync("/verify");

        // The first Tab reaches the skip link, shown on focus; Enter takes the focus past the navigation.
        await page.Keyboard.PressAsync("Tab");
        (await page.EvaluateAsync<string>("document.activeElement.getAttribute('href')")).Should().Be("#main");
        (await FocusVisibleAsync(page)).Should().BeTrue("the skip link shows when focused");
        await page.Keyboard.PressAsync("Enter");
        page.Url.Should().EndWith("#main");

        await TabToAsync(page, "code");
        await page.Keyboard.TypeAsync(code.ToLowerInvariant());
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("[data-testid=verification]")).ToHaveAttributeAsync("data-status", "Valid");
        await visitor.ShotAsync("verified-by-keyboard");

        var email = await fixture.App.CreateUserAsync(Roles.RegionalStaff, language: "es");
        await page.GotoAsync("/account/sign-in");
        await TabToAsync(page, "Email");
        await page.Keyboard.TypeAsync(email);
        await page.Keyboard.PressAsync("Tab");
        (await page.EvaluateAsync<string>("document.activeElement.id")).Should().Be("Password");
        await page.Keyboard.TypeAsync(PortalAppFactory.TestPassword);
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync(url => !url.Contains("/account/sign-in", StringComparison.Ordinal), new() { Timeout = 60_000, WaitUntil = WaitUntilState.Commit });
        await Assertions.Expect(page.Locator("[data-testid=user-menu]")).ToBeVisibleAsync();
    }

    /// <summary>Presses Tab until the element with the id has the focus, checking on the way that every stop shows it.</summary>
    private static async Task TabToAsync(IPage page, string id)
    {
        for (var presses = 0; presses < 60; presses++)
        {
            await page.Keyboard.PressAsync("Tab");
            (await FocusVisibleAsync(page)).Should().BeTrue($"focus is visible on {await page.EvaluateAsync<string>("document.activeElement.outerHTML.slice(0, 120)")}");
            if (await page.EvaluateAsync<string>("document.activeElement.id") == id)
            {
                return;
            }
        }

        throw new InvalidOperationException($"#{id} was not reached with the Tab key.");
    }

    private static Task<bool> FocusVisibleAsync(IPage page) => page.EvaluateAsync<bool>(
        """
        () => {
          const e = document.activeElement;
          if (!e || e === document.body) return false;
          const s = getComputedStyle(e);
          const r = e.getBoundingClientRect();
          return r.width > 2 && r.height > 2 && ((s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0) || s.boxShadow !== 'none');
        }
        """);

    internal static async Task<IEnumerable<string>> AxeAsync(IPage page, string where)
    {
        // Evaluated through the driver, which the page's Content-Security-Policy (no inline script) does not govern.
        await page.EvaluateAsync(AxeSource + "\n;0");
        var found = await page.EvaluateAsync<JsonElement>(
            """
            async () => {
              const result = await axe.run(document, { resultTypes: ['violations'] });
              return result.violations
                .filter(v => v.impact === 'serious' || v.impact === 'critical')
                .map(v => v.impact + ' ' + v.id + ': ' + v.help + ' — ' + v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(' | '));
            }
            """);
        return found.EnumerateArray().Select(v => $"{where}: {v.GetString()}").ToList();
    }

    private async Task<(int Id, int Champion)> SeedAsync(string code)
    {
        var (cohort, sessions) = await fixture.App.AddCohortAsync(
            code,
            ("FORUM", EventKind.LaunchForum, DateTime.UtcNow.AddDays(-20), 120, "America/Sao_Paulo"),
            ("WS1", EventKind.Workshop, DateTime.UtcNow.AddDays(-10), 120, "America/Sao_Paulo"));
        var places = new List<int>();
        foreach (var (name, country, lat, lon) in new[]
        {
            ("Rosario", "AR", -32.95, -60.65), ("Niterói", "BR", -22.88, -43.10), ("Recife", "BR", -8.05, -34.88), ("Valparaíso", "CL", -33.05, -71.62),
            ("Medellín", "CO", 6.24, -75.58), ("Quito", "EC", -0.18, -78.47), ("Asunción", "PY", -25.26, -57.58), ("Lima", "PE", -12.05, -77.04),
            ("Montevideo", "UY", -34.90, -56.16), ("La Paz", "BO", -16.50, -68.15),
        })
        {
            var id = await fixture.App.AddLocalGovernmentAsync(name, country);
            await fixture.App.WithDbAsync(async db =>
            {
                var place = await db.LocalGovernments.SingleAsync(l => l.Id == id);
                (place.Latitude, place.Longitude) = (lat, lon);
                return await db.SaveChangesAsync();
            });
            places.Add(id);
        }

        var champion = 0;
        var names = new[] { "Ana Lucía Benítez", "Conceição Nuñez Añasco", "João Araújo", "Camila Muñoz", "Andrés Gómez", "María José Cevallos", "Luz Marina Ayala", "Rosa Quispe", "Martín Pereira", "Evo Mamani" };
        for (var i = 0; i < places.Count; i++)
        {
            var country = await fixture.App.WithDbAsync(db => db.LocalGovernments.Where(l => l.Id == places[i]).Select(l => l.CountryCode).SingleAsync());
            var person = await fixture.App.AddChampionAsync(cohort, sessions.Values, names[i], places[i], country, country == "BR" ? "pt" : "es");
            champion = i == 1 ? person : champion;
            await fixture.App.WithDbAsync(async db =>
            {
                (await db.Invitations.SingleAsync(x => x.CohortId == cohort && x.AuthorityId == person)).DirectoryConsent = i % 2 == 0;
                return await db.SaveChangesAsync();
            });
        }

        using (var scope = fixture.App.Services.CreateScope())
        {
            var issuance = scope.ServiceProvider.GetRequiredService<ChampionPortal.Web.Features.Certificates.CertificateIssuanceService>();
            await issuance.StartAsync(cohort, only: null, notify: false, requestedBy: "journey");
        }

        await fixture.App.IssuancesFinishedAsync();
        return (cohort, champion);
    }
}
