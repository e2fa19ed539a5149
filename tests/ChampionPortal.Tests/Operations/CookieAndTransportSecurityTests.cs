using System.Net;
using System.Text.RegularExpressions;
using ChampionPortal.Testing;
using ChampionPortal.Web.Domain;

namespace ChampionPortal.Tests.Operations;

/// <summary>A portal behind a reverse proxy that terminates TLS, as deployed (docs/operations.md).</summary>
public sealed class BehindProxyFixture : PortalFixture
{
    protected override PortalAppFactory CreateFactory(string connectionString) =>
        new(connectionString, settings: new Dictionary<string, string?> { ["Proxy:TrustForwardedHeaders"] = "true" });
}

public sealed partial class CookieAndTransportSecurityTests(BehindProxyFixture fixture) : IClassFixture<BehindProxyFixture>
{
    [Fact]
    public async Task Over_https_the_portal_sends_hsts_and_its_cookies_are_secure_http_only_and_same_site()
    {
        var email = await fixture.App.CreateUserAsync(Roles.CountryOffice, "CL");
        using var http = new HttpClient(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = fixture.App.BaseAddress };

        using var get = Request(HttpMethod.Get, "/account/sign-in");
        var form = await http.SendAsync(get);
        form.Headers.GetValues("Strict-Transport-Security").Single().Should().Contain("max-age=");
        var antiforgery = Cookie(form, "champion.af");
        antiforgery.ToLowerInvariant().Should().Contain("; secure").And.Contain("; httponly").And.Contain("; samesite=strict");
        var token = Token().Match(await form.Content.ReadAsStringAsync()).Groups[1].Value;

        using var post = Request(HttpMethod.Post, "/account/sign-in");
        post.Headers.Add("Cookie", antiforgery.Split(';')[0]);
        post.Content = new FormUrlEncodedContent([new("Email", email), new("Password", PortalAppFactory.TestPassword), new("__RequestVerificationToken", token)]);
        var signedIn = await http.SendAsync(post);

        signedIn.StatusCode.Should().Be(HttpStatusCode.Redirect);
        Cookie(signedIn, "champion.auth").ToLowerInvariant().Should().Contain("; secure").And.Contain("; httponly").And.Contain("; samesite=lax");
    }

    [Fact]
    public async Task Over_plain_http_on_the_loopback_no_hsts_is_sent()
    {
        using var client = fixture.App.NewClient();
        (await client.GetAsync("/account/sign-in")).Headers.Contains("Strict-Transport-Security").Should().BeFalse();
    }

    private static HttpRequestMessage Request(HttpMethod method, string path)
    {
        var request = new HttpRequestMessage(method, path);
        request.Headers.Host = "champions.example.org";
        request.Headers.Add("X-Forwarded-Proto", "https");
        return request;
    }

    private static string Cookie(HttpResponseMessage response, string name) =>
        response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(name + "=", StringComparison.Ordinal));

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}
