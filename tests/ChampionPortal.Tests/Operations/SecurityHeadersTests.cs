using ChampionPortal.Testing;
using ChampionPortal.Web.Domain;

namespace ChampionPortal.Tests.Operations;

public sealed class SecurityHeadersTests(PortalFixture fixture) : IClassFixture<PortalFixture>
{
    [Theory]
    [InlineData("/")]
    [InlineData("/champions")]
    [InlineData("/account/sign-in")]
    [InlineData("/no-such-page")]
    public async Task Every_page_forbids_inline_script_framing_and_content_sniffing(string path)
    {
        using var visitor = fixture.App.NewClient();
        var response = await visitor.GetAsync(path);

        var policy = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        policy.Should().Contain("script-src 'self';").And.Contain("frame-ancestors 'none'").And.Contain("object-src 'none'").And.NotContain("unsafe-eval");
        policy.Split(';').Single(d => d.Trim().StartsWith("script-src", StringComparison.Ordinal)).Should().NotContain("unsafe-inline");
        policy.Split(';').Single(d => d.Trim().StartsWith("style-src", StringComparison.Ordinal)).Trim().Should().Be("style-src 'self'", "no inline style either");
        response.Headers.GetValues("X-Content-Type-Options").Should().Equal("nosniff");
        response.Headers.GetValues("X-Frame-Options").Should().Equal("DENY");
        response.Headers.GetValues("Referrer-Policy").Should().Equal("same-origin");
    }

    [Fact]
    public async Task Signed_in_pages_carry_them_too_and_no_page_has_an_inline_script()
    {
        using var staff = await fixture.App.SignedInClientAsync(Roles.RegionalStaff);
        foreach (var path in new[] { "/", "/cohorts", "/certificates", "/funnel", "/nominations", "/settings/certificates" })
        {
            var (response, page) = await staff.GetPageAsync(path);
            response.Headers.Contains("Content-Security-Policy").Should().BeTrue(path);
            page.QuerySelectorAll("script").Should().OnlyContain(s => s.HasAttribute("src"), $"{path} would break under the policy");
            page.QuerySelectorAll("*").SelectMany(e => e.Attributes).Where(a => a.Name.StartsWith("on", StringComparison.Ordinal))
                .Should().BeEmpty($"{path} has no inline event handlers");
            page.QuerySelectorAll("[style], style").Should().BeEmpty($"{path} would lose its inline styles under the policy");
        }
    }
}
