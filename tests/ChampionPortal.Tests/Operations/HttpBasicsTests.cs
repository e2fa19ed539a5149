using System.Net;
using ChampionPortal.Testing;
using ChampionPortal.Web.Domain;

namespace ChampionPortal.Tests.Operations;

/// <summary>What a browser, a link checker or a monitor meets before any page's content: the HTTP basics.</summary>
public sealed class HttpBasicsTests(PortalFixture fixture) : IClassFixture<PortalFixture>
{
    [Fact]
    public async Task Accented_letters_are_sent_as_letters_and_markup_is_still_escaped()
    {
        using var visitor = fixture.App.NewClient("es");
        var html = await (await visitor.GetAsync("/account/sign-in")).Content.ReadAsStringAsync();

        html.Should().Contain("Iniciar sesión").And.NotContain("sesi&#xF3;n");

        // A search term is echoed into the page: its markup stays text.
        var echoed = await (await visitor.GetAsync("/champions?search=%3Cscript%3Ealert(1)%3C%2Fscript%3E%20Bogot%C3%A1")).Content.ReadAsStringAsync();
        echoed.Should().NotContain("<script>alert(1)</script>");
    }

    [Fact]
    public async Task No_response_names_the_server_software()
    {
        using var visitor = fixture.App.NewClient();
        var response = await visitor.GetAsync("/");
        response.Headers.Server.Should().BeEmpty();
    }

    [Fact]
    public async Task The_favicon_is_served_to_visitors()
    {
        using var visitor = fixture.App.NewClient();
        var icon = await visitor.GetAsync("/favicon.ico");
        icon.StatusCode.Should().Be(HttpStatusCode.OK);
        icon.Content.Headers.ContentType!.MediaType.Should().Be("image/x-icon");
        (await visitor.GetAsync("/favicon.svg")).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task An_unknown_address_is_not_found_for_visitors_too_in_their_language()
    {
        using var visitor = fixture.App.NewClient("es");
        var (response, page) = await visitor.GetPageAsync("/no-such-page/here");
        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
        page.QuerySelector("h1")!.TextContent.Should().Be("Página no encontrada");

        (await visitor.GetAsync("/no-such-file.png")).StatusCode.Should().Be(HttpStatusCode.NotFound);

        // A page that exists but needs an account still asks for one.
        var staffPage = await visitor.GetAsync("/nominations");
        staffPage.StatusCode.Should().Be(HttpStatusCode.Redirect);
        staffPage.Headers.Location!.ToString().Should().Contain("/account/sign-in");
    }

    [Fact]
    public async Task A_head_request_answers_as_the_get_would_without_a_body()
    {
        using var visitor = fixture.App.NewClient();
        foreach (var path in new[] { "/", "/champions", "/account/sign-in" })
        {
            using var head = new HttpRequestMessage(HttpMethod.Head, path);
            var response = await visitor.SendAsync(head);
            response.StatusCode.Should().Be(HttpStatusCode.OK, path);
            (await response.Content.ReadAsByteArrayAsync()).Should().BeEmpty(path);
        }

        using var signedOut = new HttpRequestMessage(HttpMethod.Head, "/nominations");
        (await visitor.SendAsync(signedOut)).StatusCode.Should().Be(HttpStatusCode.Redirect);
    }

    [Fact]
    public async Task The_pager_marks_the_page_it_cannot_go_to_without_a_link()
    {
        for (var i = 0; i < 11; i++)
        {
            await fixture.App.CreateUserAsync(Roles.RegionalStaff);
        }

        using var admin = await fixture.App.SignedInClientAsync(Roles.Administrator);
        var (_, page) = await admin.GetPageAsync("/users?size=10");

        var items = page.QuerySelectorAll(".pagination .page-item");
        items.Length.Should().BeGreaterThan(2, "eleven accounts and more fill two pages of ten");
        var previous = items[0];
        previous.ClassList.Should().Contain("disabled");
        previous.QuerySelector("a").Should().BeNull("a link must have a target");
        previous.QuerySelector("span.page-link")!.TextContent.Should().Be("Previous");
        page.QuerySelectorAll(".pagination a").Should().OnlyContain(a => a.HasAttribute("href"));
    }
}
