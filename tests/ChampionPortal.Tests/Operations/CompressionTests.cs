using System.IO.Compression;
using System.Net;
using ChampionPortal.Testing;

namespace ChampionPortal.Tests.Operations;

public sealed class CompressionTests(PortalFixture fixture) : IClassFixture<PortalFixture>
{
    [Fact]
    public async Task Style_sheets_travel_compressed_to_browsers_that_accept_it_and_pages_do_not()
    {
        using var http = new HttpClient(new HttpClientHandler { AutomaticDecompression = DecompressionMethods.None }) { BaseAddress = fixture.App.BaseAddress };
        var plain = await http.GetByteArrayAsync("/css/site.css");

        using var asking = new HttpRequestMessage(HttpMethod.Get, "/css/site.css");
        asking.Headers.AcceptEncoding.ParseAdd("br, gzip");
        using var compressed = await http.SendAsync(asking);
        compressed.Content.Headers.ContentEncoding.Should().Equal("br");
        var bytes = await compressed.Content.ReadAsByteArrayAsync();
        bytes.Length.Should().BeLessThan(plain.Length / 2, "the style sheet is mostly repeated words");
        using (var brotli = new BrotliStream(new MemoryStream(bytes), CompressionMode.Decompress))
        using (var unpacked = new MemoryStream())
        {
            await brotli.CopyToAsync(unpacked);
            unpacked.ToArray().Should().Equal(plain);
        }

        using var page = new HttpRequestMessage(HttpMethod.Get, "/account/sign-in");
        page.Headers.AcceptEncoding.ParseAdd("br, gzip");
        using var signIn = await http.SendAsync(page);
        signIn.StatusCode.Should().Be(HttpStatusCode.OK);
        signIn.Content.Headers.ContentEncoding.Should().BeEmpty("a page with an antiforgery token is not compressed (BREACH)");
    }

    [Fact]
    public async Task Pages_draw_their_text_in_WOFF2_fonts_that_swap_in_and_the_body_font_is_fetched_early()
    {
        using var http = new HttpClient { BaseAddress = fixture.App.BaseAddress };
        var css = await http.GetStringAsync("/css/site.css");
        var faces = System.Text.RegularExpressions.Regex.Matches(css, @"@font-face\s*\{[^}]*\}").Select(m => m.Value).ToList();
        faces.Should().NotBeEmpty().And.AllSatisfy(face => face.Should().Contain("font-display: swap").And.Contain("format(\"woff2\")").And.NotContain(".ttf"));
        foreach (var url in faces.Select(face => System.Text.RegularExpressions.Regex.Match(face, @"url\(""\.\./([^""]+)""\)").Groups[1].Value))
        {
            using var font = await http.GetAsync("/" + url);
            font.StatusCode.Should().Be(HttpStatusCode.OK, url);
            font.Content.Headers.ContentType!.MediaType.Should().Be("font/woff2", url);
        }

        var (_, home) = await fixture.App.NewClient().GetPageAsync("/");
        var preload = home.QuerySelector("link[rel=preload][as=font]")!;
        preload.GetAttribute("type").Should().Be("font/woff2");
        faces.Should().Contain(face => face.Contains(preload.GetAttribute("href")!.TrimStart('/'), StringComparison.Ordinal), "the font fetched early is one the style sheet uses");
    }
}
