using System.Net;
using ChampionPortal.Testing;
using ChampionPortal.Web.Domain;
using ChampionPortal.Web.Features.Demo;
using Microsoft.EntityFrameworkCore;

namespace ChampionPortal.Tests.Operations;

public sealed partial class EmbeddedDefaultTests(EmbeddedDefaultFixture fixture) : IClassFixture<EmbeddedDefaultFixture>
{
    [Fact]
    public async Task The_portal_starts_on_sqlite_with_the_demo_cohort_shaped_like_2023()
    {
        var counts = await fixture.App.WithDbAsync(async db => new
        {
            Provider = db.Database.ProviderName,
            Authorities = await db.Authorities.CountAsync(),
            AuthorityCountries = await db.Authorities.Select(a => a.CountryCode).Distinct().CountAsync(),
            Governments = await db.LocalGovernments.CountAsync(),
            Cohort = await db.Cohorts.Where(c => c.Code == DemoData.CohortCode)
                .Select(c => new
                {
                    Forum = c.Events.Where(e => e.Kind == EventKind.LaunchForum).SelectMany(e => e.Sessions).Count(),
                    Workshop = c.Events.Where(e => e.Kind == EventKind.Workshop).SelectMany(e => e.Sessions).Count(),
                })
                .SingleAsync(),
            ApprovedIn2023 = await db.Nominations.CountAsync(n => n.Cohort!.Code == DemoData.CohortCode && n.Status == NominationStatus.Approved),
            AwaitingReview = await db.Nominations.CountAsync(n => n.Status == NominationStatus.Submitted),
            InvitedIn2023 = await db.Invitations.CountAsync(i => i.Cohort!.Code == DemoData.CohortCode),
            InvitedCountries = await db.Invitations.Where(i => i.Cohort!.Code == DemoData.CohortCode).Select(i => i.CountryCode).Distinct().CountAsync(),
            Objectives = await db.GcmObjectives.CountAsync(),
            Principles = await db.GuidingPrinciples.CountAsync(),
        });

        counts.Provider.Should().Contain("Sqlite");
        counts.Authorities.Should().Be(40);
        counts.AuthorityCountries.Should().Be(10);
        counts.Governments.Should().Be(27);
        counts.Cohort.Forum.Should().Be(1);
        counts.Cohort.Workshop.Should().Be(2);
        counts.ApprovedIn2023.Should().Be(40, "all 40 people invited in 2023 had been nominated and approved");
        counts.AwaitingReview.Should().BePositive("the open demo cohort has nominations waiting in the review queue");
        counts.InvitedIn2023.Should().Be(40, "40 local authorities were invited");
        counts.InvitedCountries.Should().Be(10, "from 10 South American countries");
        counts.Objectives.Should().Be(23);
        counts.Principles.Should().Be(10);
    }

    [Theory]
    [InlineData("admin@demo.example.org", 27)]
    [InlineData("staff@demo.example.org", 27)]
    [InlineData("office.ar@demo.example.org", 4)]
    [InlineData("office.br@demo.example.org", 4)]
    public async Task Each_demo_account_signs_in_with_the_printed_password_and_sees_its_scope(string email, int governments)
    {
        using var client = fixture.App.NewClient();
        (await client.SignInAsync(email, DemoData.Password)).StatusCode.Should().Be(HttpStatusCode.Redirect);

        var (response, page) = await client.GetPageAsync("/local-governments");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        page.QuerySelector("[data-testid=results-count]")!.GetAttribute("data-count").Should().Be(governments.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task The_demo_authority_account_signs_in_in_its_language()
    {
        using var client = fixture.App.NewClient("en");
        (await client.SignInAsync("authority@demo.example.org", DemoData.Password)).StatusCode.Should().Be(HttpStatusCode.Redirect);

        var (_, home) = await client.GetPageAsync("/");

        home.DocumentElement.GetAttribute("lang").Should().Be("es");
        home.QuerySelectorAll("[data-nav]").Select(a => a.GetAttribute("data-nav")).Should().Equal(["check-in", "mapping", "agenda", "certificates", "resources"], "an authority reaches its own local government's workshop outputs");
    }

    [Fact]
    public async Task The_demo_homes_say_what_waits_for_each_role_and_lead_to_where_it_is_resolved()
    {
        var submitted = await fixture.App.WithDbAsync(db => db.Nominations.Where(n => n.Status == NominationStatus.Submitted)
            .GroupBy(n => n.Cohort!.Code).Select(g => new { Cohort = g.Key, Count = g.Count() }).SingleAsync());
        using var staff = fixture.App.NewClient("en");
        await staff.SignInAsync("staff@demo.example.org", DemoData.Password);

        var (_, home) = await staff.GetPageAsync("/");
        var review = home.QuerySelector("[data-waiting=Home_Waiting_Nominations] a");
        review.Should().NotBeNull("the demo's second cohort has nominations waiting for review");
        review!.TextContent.Should().Be($"{submitted.Count} nominations wait for review — cohort {submitted.Cohort}");
        var (_, queue) = await staff.GetPageAsync(review.GetAttribute("href")!);
        queue.QuerySelector("[data-testid=results-count]")!.GetAttribute("data-count").Should().Be(submitted.Count.ToString(System.Globalization.CultureInfo.InvariantCulture));

        var (_, dashboard) = await staff.GetPageAsync("/funnel");
        dashboard.QuerySelector("select#cohort option[selected]")!.TextContent.Should().Contain("2025", "the cohort in progress has invited someone (the demo authority), so the dashboard opens on it");

        using var authority = fixture.App.NewClient("es");
        await authority.SignInAsync("authority@demo.example.org", DemoData.Password);
        var (_, own) = await authority.GetPageAsync("/");
        var mapping = own.QuerySelector("[data-waiting^=Home_Waiting_Mapping] a");
        mapping.Should().NotBeNull("the demo authority accepted the 2025 cohort's invitation, whose mapping is still to be written");
        mapping!.TextContent.Should().Be("Su gobierno local aún no tiene mapeo para la cohorte 2025: agregue sus acciones");
        var (opened, _) = await authority.GetPageAsync(mapping.GetAttribute("href")!);
        opened.StatusCode.Should().Be(HttpStatusCode.OK);
        own.QuerySelector("[data-waiting=Home_Waiting_MyCertificates] a")!.TextContent.Should().EndWith("para descargar");
    }

    [Fact]
    public async Task The_demo_dashboard_on_sqlite_shows_the_2023_figures_from_the_attendance_records()
    {
        using var client = fixture.App.NewClient("en");
        await client.SignInAsync("staff@demo.example.org", DemoData.Password);
        var cohort = await fixture.App.WithDbAsync(db => db.Cohorts.Where(c => c.Code == DemoData.CohortCode).Select(c => c.Id).SingleAsync());

        var (_, dashboard) = await client.GetPageAsync($"/funnel?cohort={cohort}");

        Attendance.CohortRegisterImportTests.Figures(dashboard, "Invited").Should().Be((40, 27, 10));
        Attendance.CohortRegisterImportTests.Figures(dashboard, "Event", "Launch forum").Should().Be((38, 26, 9), "38 people from 26 local governments of 9 countries came to the launch");
        Attendance.CohortRegisterImportTests.Figures(dashboard, "Event", "Exchange and capacity-building workshop").Should().Be((24, 16, 6));
        (await fixture.App.WithDbAsync(db => db.Certificates.CountAsync(c => c.CohortId == cohort && c.Status == CertificateStatus.Valid)))
            .Should().Be(24 + 16, "the people who took part in both stages and the local governments they represented are recognized");

        // The public home page tells the same story to anyone, and the directory lists the 16 local governments.
        using var visitor = fixture.App.NewClient("es");
        var (_, home) = await visitor.GetPageAsync("/");
        var figures = home.QuerySelector("[data-testid=public-figures]")!;
        figures.QuerySelector("[data-figure=invited]")!.TextContent.Should().Be("40");
        figures.QuerySelector("[data-figure=forum]")!.TextContent.Should().Be("38");
        figures.QuerySelector("[data-figure=workshop]")!.TextContent.Should().Be("24");
        figures.QuerySelector("[data-figure=governments]")!.TextContent.Should().Be("16");
        var (_, champions) = await visitor.GetPageAsync("/champions");
        champions.QuerySelectorAll("[data-testid=governments] li").Should().HaveCount(16);
        champions.QuerySelectorAll("[data-testid=map-point]").Should().HaveCount(16, "every demo local government has coordinates");
    }

    /// <summary>
    /// Every page each demo account can reach by clicking, in the three languages, answers on the embedded default as on
    /// PostgreSQL: no query the SQLite provider cannot translate, no server error.
    /// </summary>
    [Theory]
    [InlineData(null, "es")]
    [InlineData("admin@demo.example.org", "en")]
    [InlineData("staff@demo.example.org", "es")]
    [InlineData("staff@demo.example.org", "pt")]
    [InlineData("office.ar@demo.example.org", "es")]
    [InlineData("office.br@demo.example.org", "pt")]
    [InlineData("authority@demo.example.org", "es")]
    public async Task Every_page_each_demo_account_reaches_answers_without_a_server_error(string? email, string language)
    {
        using var client = fixture.App.NewClient(language);
        if (email is not null)
        {
            (await client.SignInAsync(email, DemoData.Password)).StatusCode.Should().Be(HttpStatusCode.Redirect);
        }

        var pages = await PageWalk.WalkAsync(client, ["/", "/champions", "/verify", "/resources"]);

        pages.Where(p => (int)p.Status >= 500).Select(p => $"{p.Path}: {(int)p.Status}").Should().BeEmpty();
        pages.Where(p => p.Page?.QuerySelector("[style], style") is not null).Select(p => $"{p.Path}: {p.Page!.QuerySelector("[style], style")!.OuterHtml[..Math.Min(120, p.Page.QuerySelector("[style], style")!.OuterHtml.Length)]}")
            .Should().BeEmpty("the Content-Security-Policy allows no inline style: such a page would show unstyled");
        var shown = pages.Where(p => p.Status == HttpStatusCode.OK && p.Page is not null).ToList();
        var html = shown.Select(p => (p.Path, p.Page!.Source.Text));
        (await HtmlValidator.ValidateAsync($"{email?.Split('@')[0] ?? "visitor"}-{language}", html)).Should().BeEmpty("every page is valid HTML");
        shown.SelectMany(p => IanaZoneId().Matches(p.Page!.Body!.TextContent).Select(m => $"{p.Path}: \"{m.Value}\"")).Distinct()
            .Should().BeEmpty("a time zone is named as its readers say it (\"hora de São Paulo\"), not by its IANA id");

        // What cannot be undone is asked for on a page of its own that says what will happen, then done from there.
        shown.SelectMany(p => p.Page!.QuerySelectorAll("form[action]")
                .Select(f => new Uri(new Uri("http://portal"), f.GetAttribute("action")!).AbsolutePath)
                .Where(action => DestructiveAction().IsMatch(action) && action != new Uri(new Uri("http://portal"), p.Path).AbsolutePath)
                .Select(action => $"{p.Path}: {action}"))
            .Distinct().Should().BeEmpty("a delete, erase, removal or withdrawal is confirmed on its own page first");

        // Pages load only the part of Bootstrap's style sheet that the portal uses, and it holds every class they carry.
        var sheet = pages[0].Page!.QuerySelector("link[rel=stylesheet][href*=bootstrap]")!.GetAttribute("href")!;
        var served = await (await client.GetAsync(sheet)).Content.ReadAsStringAsync();
        var whole = await File.ReadAllTextAsync(Path.Combine(TestPaths.RepositoryRoot!.FullName, "node_modules", "bootstrap", "dist", "css", "bootstrap.min.css"));
        // The classes Bootstrap styles on their own (a selector of that class alone, or with a pseudo-class), against
        // every class the served part names.
        var (bootstrapClasses, servedClasses) = (StyledClass().Matches(whole).Select(m => m.Groups[1].Value).ToHashSet(), CssClass().Matches(served).Select(m => m.Groups[1].Value).ToHashSet());
        shown.SelectMany(p => p.Page!.All.SelectMany(e => e.ClassList).Where(c => bootstrapClasses.Contains(c) && !servedClasses.Contains(c)).Select(c => $"{p.Path}: .{c}"))
            .Distinct().Should().BeEmpty("a class the page uses keeps its style");
        served.Length.Should().BeLessThan(whole.Length / 2, "the unused part of Bootstrap is not sent");

        // A visitor reads the browser's language; an account its own preference, on every page alike.
        var expected = email is null ? language : pages[0].Page!.DocumentElement.GetAttribute("lang");
        pages.Where(p => p.Page is not null && p.Status == HttpStatusCode.OK && p.Page.DocumentElement.GetAttribute("lang") != expected)
            .Select(p => p.Path).Should().BeEmpty($"every page is in the reader's language ({expected})");
        if (expected != "en")
        {
            var english = new Localization.EnglishLeftovers(expected!);
            shown.SelectMany(p => english.On(p.Page!).Select(text => $"{p.Path}: {text}")).Distinct()
                .Should().BeEmpty($"no English is left on a page in {expected}");
            shown.Where(p => p.Page!.Body!.TextContent.Contains("(demo data)", StringComparison.Ordinal)).Select(p => p.Path)
                .Should().BeEmpty($"the demo cohorts have their names in {expected}");
            shown.SelectMany(p => Localization.LocalizedPagesWalkTests.OneWithPlural().Matches(p.Page!.Body!.TextContent).Select(m => $"{p.Path}: \"{m.Value}\"")).Distinct()
                .Should().BeEmpty("a count of one takes the singular");
        }

        pages.Count(p => p.Status == HttpStatusCode.OK).Should().BeGreaterThan(email is null ? 5 : 15, "the walk reaches the pages of the role");
    }

    [Fact]
    public async Task Deleting_a_demo_person_the_cohort_refers_to_is_refused_with_the_reason_on_sqlite_too()
    {
        // A nominated person without an account: only the database's foreign keys stand between the click and the loss.
        var person = await fixture.App.WithDbAsync(db => db.Authorities
            .Where(a => db.Nominations.Any(n => n.AuthorityId == a.Id) && !db.Users.Any(u => u.AuthorityId == a.Id))
            .Select(a => new { a.Id, a.Version }).FirstAsync());
        using var staff = fixture.App.NewClient("en");
        await staff.SignInAsync("staff@demo.example.org", DemoData.Password);
        var (_, profile) = await staff.GetPageAsync("/account/profile");
        var token = profile.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;

        // As a confirmation page opened before the nomination came in would post.
        var (response, page) = await staff.PostAsync($"/authorities/{person.Id}/delete", [new("__RequestVerificationToken", token), new("version", person.Version.ToString(System.Globalization.CultureInfo.InvariantCulture))]);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        page.QuerySelector("[data-testid=validation-summary]")!.TextContent.Should().Contain("cannot be deleted: nominations");
        (await fixture.App.WithDbAsync(db => db.Authorities.AnyAsync(a => a.Id == person.Id))).Should().BeTrue();
    }

    [Fact]
    public async Task Readiness_checks_the_embedded_database()
    {
        using var client = fixture.App.NewClient();
        var response = await client.GetAsync("/health/ready");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).Should().Be("Healthy");
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"[{},]\.(-?[_a-zA-Z][\w-]*)(?=[,{:])")]
    private static partial System.Text.RegularExpressions.Regex StyledClass();

    [System.Text.RegularExpressions.GeneratedRegex(@"\.(-?[_a-zA-Z][\w-]*)")]
    private static partial System.Text.RegularExpressions.Regex CssClass();

    [System.Text.RegularExpressions.GeneratedRegex(@"/(delete|erase|remove|withdraw)$")]
    private static partial System.Text.RegularExpressions.Regex DestructiveAction();

    [System.Text.RegularExpressions.GeneratedRegex(@"\b(America|Pacific)/[A-Z][A-Za-z_/ ]+")]
    private static partial System.Text.RegularExpressions.Regex IanaZoneId();
}
