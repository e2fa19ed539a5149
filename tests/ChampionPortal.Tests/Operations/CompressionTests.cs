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
}
