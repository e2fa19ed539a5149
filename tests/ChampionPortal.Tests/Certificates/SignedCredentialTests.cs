using System.IO.Compression;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using ChampionPortal.Testing;
using ChampionPortal.Web.Domain;
using ChampionPortal.Web.Features.Certificates;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ChampionPortal.Tests.Certificates;

/// <summary>
/// A third party verifies the portal's credentials: the signature with the published key (checked here with the
/// platform's RSA, not the library that signs), the public profile, achievements and status list, and the
/// verification page's answer for each kind of credential someone brings.
/// </summary>
public sealed class SignedCredentialTests(PortalFixture fixture) : IClassFixture<PortalFixture>
{
    [Fact]
    public async Task A_downloaded_credential_verifies_with_the_published_key_and_any_changed_byte_breaks_it()
    {
        var (person, _) = await IssueAsync("SC1", "Cúcuta SC1", "Álvaro Saldaña", "alvaro.saldana@sc1.example.org");
        using var staff = await fixture.App.SignedInClientAsync(Roles.RegionalStaff);
        using var verifier = fixture.App.NewClient();

        var jwt = await (await staff.GetAsync($"/certificates/{person}/badge.jwt")).Content.ReadAsStringAsync();
        var parts = jwt.Split('.');
        parts.Should().HaveCount(3);
        var header = JsonNode.Parse(Base64Url(parts[0]))!;
        header["alg"]!.GetValue<string>().Should().Be("RS256");
        header["typ"]!.GetValue<string>().Should().Be("JWT");
        var kid = header["kid"]!.GetValue<string>();
        kid.Should().StartWith("http").And.Contain("/keys/");

        // The key the token names answers at its address, and is in the published key set.
        var jwk = await JsonAsync(verifier, new Uri(kid).PathAndQuery);
        var set = await JsonAsync(verifier, "/.well-known/jwks.json");
        set["keys"]!.AsArray().Select(k => k!["kid"]!.GetValue<string>()).Should().Contain(kid);
        using var rsa = PublicKey(jwk);
        Verifies(rsa, parts).Should().BeTrue("the signature is checked with the published key, by the platform's RSA");

        // The JSON download is the token's payload, for people to read.
        var json = JsonNode.Parse(await (await staff.GetAsync($"/certificates/{person}/badge")).Content.ReadAsStringAsync())!;
        JsonNode.DeepEquals(json, JsonNode.Parse(Base64Url(parts[1]))).Should().BeTrue();
        json["issuer"]!["id"]!.GetValue<string>().Should().EndWith("/issuer");
        json["credentialSubject"]!["name"]!.GetValue<string>().Should().Be("Álvaro Saldaña");
        var identity = json["credentialSubject"]!["identifier"]![0]!;
        identity["identityType"]!.GetValue<string>().Should().Be("emailAddress");
        identity["hashed"]!.GetValue<bool>().Should().BeTrue();
        var salt = identity["salt"]!.GetValue<string>();
        var expected = "sha256$" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes("alvaro.saldana@sc1.example.org" + salt))).ToLowerInvariant();
        identity["identityHash"]!.GetValue<string>().Should().Be(expected, "a verifier who knows the address finds the same hash");
        jwt.Should().NotContain("alvaro.saldana", "the address itself is never in the credential");

        // Any changed byte of the payload breaks the signature.
        var payload = parts[1].ToCharArray();
        foreach (var position in new[] { 0, payload.Length / 3, payload.Length / 2, payload.Length - 2 })
        {
            var changed = (char[])payload.Clone();
            changed[position] = changed[position] == 'A' ? 'B' : 'A';
            Verifies(rsa, [parts[0], new string(changed), parts[2]]).Should().BeFalse($"the payload changed at {position}");
        }
    }

    [Fact]
    public async Task Issuer_keys_achievements_and_status_lists_answer_json_to_anyone_and_a_page_to_browsers()
    {
        var (person, government) = await IssueAsync("SC2", "Rosario SC2", "Beatriz Ocampo", "beatriz@sc2.example.org");
        using var staff = await fixture.App.SignedInClientAsync(Roles.RegionalStaff);
        var personCredential = JsonNode.Parse(await (await staff.GetAsync($"/certificates/{person}/badge")).Content.ReadAsStringAsync())!;
        var placeCredential = JsonNode.Parse(await (await staff.GetAsync($"/certificates/{government}/badge")).Content.ReadAsStringAsync())!;
        using var anyone = fixture.App.NewClient();

        var issuer = await JsonAsync(anyone, new Uri(personCredential["issuer"]!["id"]!.GetValue<string>()).PathAndQuery);
        issuer["type"]![0]!.GetValue<string>().Should().Be("Profile");
        issuer["name"]!.GetValue<string>().Should().Contain("IOM");
        issuer["email"]!.GetValue<string>().Should().Contain("@");
        issuer["publicKey"]!.AsArray().Should().NotBeEmpty();

        var personAchievement = personCredential["credentialSubject"]!["achievement"]!["id"]!.GetValue<string>();
        var placeAchievement = placeCredential["credentialSubject"]!["achievement"]!["id"]!.GetValue<string>();
        personAchievement.Should().NotBe(placeAchievement, "a person's and a local government's recognitions are different achievements");
        var achievement = await JsonAsync(anyone, new Uri(personAchievement).PathAndQuery);
        achievement["name"]!.GetValue<string>().Should().Be("Autoridad Local Campeona", "the champion's certificate is in Spanish, and so is the edition their credential names");
        achievement["criteria"]!["narrative"]!.GetValue<string>().Should().Contain("foro de lanzamiento");
        achievement["alignment"]![0]!["targetCode"]!.GetValue<string>().Should().Be("A/RES/73/195");
        (await JsonAsync(anyone, new Uri(placeAchievement).PathAndQuery))["name"]!.GetValue<string>().Should().Be("Gobierno Local Campeón");
        (await anyone.GetAsync(new Uri(achievement["image"]!["id"]!.GetValue<string>()).PathAndQuery)).Content.Headers.ContentType!.MediaType.Should().Be("image/svg+xml");
        placeCredential["credentialSubject"]!["identifier"]![0]!["identityHash"]!.GetValue<string>().Should().Be("Rosario SC2");

        var (page, html) = await anyone.GetPageAsync(new Uri(personAchievement).PathAndQuery);
        page.StatusCode.Should().Be(HttpStatusCode.OK);
        html.QuerySelector("[data-testid=achievement-name]")!.TextContent.Should().Be("Champion Local Authority");
        using var spanish = fixture.App.NewClient("es");
        (await spanish.GetPageAsync("/issuer")).Page.QuerySelector("h1")!.TextContent.Should().Be("Emisor de las credenciales de Autoridad Local Campeona");

        var status = personCredential["credentialStatus"]!;
        status["type"]!.GetValue<string>().Should().Be("BitstringStatusListEntry");
        status["statusPurpose"]!.GetValue<string>().Should().Be("revocation");
        var list = await anyone.GetAsync(new Uri(status["statusListCredential"]!.GetValue<string>()).PathAndQuery);
        list.Content.Headers.ContentType!.MediaType.Should().Be("application/vc+jwt");
        list.Headers.CacheControl!.MaxAge.Should().BeLessThanOrEqualTo(TimeSpan.FromMinutes(5));
    }

    [Fact]
    public async Task Revoking_sets_the_credentials_bit_in_the_signed_status_list_and_only_its_own()
    {
        var (person, government) = await IssueAsync("SC3", "Cuenca SC3", "Diego Paredes", "diego@sc3.example.org");
        using var staff = await fixture.App.SignedInClientAsync(Roles.RegionalStaff);
        var personEntry = JsonNode.Parse(await (await staff.GetAsync($"/certificates/{person}/badge")).Content.ReadAsStringAsync())!["credentialStatus"]!;
        var placeEntry = JsonNode.Parse(await (await staff.GetAsync($"/certificates/{government}/badge")).Content.ReadAsStringAsync())!["credentialStatus"]!;
        using var anyone = fixture.App.NewClient();
        var listPath = new Uri(personEntry["statusListCredential"]!.GetValue<string>()).PathAndQuery;
        var personIndex = int.Parse(personEntry["statusListIndex"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture);
        var placeIndex = int.Parse(placeEntry["statusListIndex"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture);
        personIndex.Should().NotBe(placeIndex);

        (await BitsAsync(anyone, listPath))[personIndex].Should().BeFalse("a valid credential's bit is clear");

        var (_, page) = await staff.GetPageAsync($"/certificates?cohort={await CohortOfAsync(person)}");
        await RevocationTests.RevokeAsync(staff, page, person, "Issued in error.");

        var bits = await BitsAsync(anyone, listPath);
        bits.Length.Should().BeGreaterThanOrEqualTo(131_072, "a list of at least 131,072 entries says nothing about a person by its size");
        bits[personIndex].Should().BeTrue("the revoked credential's bit is set at once");
        bits[placeIndex].Should().BeFalse("the local government's credential stands");

        // Superseding (a corrected record) retires the old credential too: its bit is set.
        var (_, again) = await staff.GetPageAsync($"/certificates?cohort={await CohortOfAsync(person)}");
        await staff.SubmitAsync(again, new Dictionary<string, string?>(), $"tr[data-id='{government}'] form[action*=supersede]");
        (await BitsAsync(anyone, listPath))[placeIndex].Should().BeTrue("a superseded credential is no longer in force");
    }

    [Fact]
    public async Task A_rotated_key_still_verifies_what_it_signed_and_new_credentials_name_the_new_key()
    {
        var (person, _) = await IssueAsync("SC4", "Arequipa SC4", "Elena Quispe", "elena@sc4.example.org");
        using var staff = await fixture.App.SignedInClientAsync(Roles.RegionalStaff);
        var before = await (await staff.GetAsync($"/certificates/{person}/badge.jwt")).Content.ReadAsStringAsync();

        using (var scope = fixture.App.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<IssuerKeys>().RotateAsync();
        }

        var after = await (await staff.GetAsync($"/certificates/{person}/badge.jwt")).Content.ReadAsStringAsync();
        Kid(after).Should().NotBe(Kid(before));
        using var anyone = fixture.App.NewClient();
        var set = (await JsonAsync(anyone, "/.well-known/jwks.json"))["keys"]!.AsArray();
        set.Should().OnlyContain(k => k!["d"] == null && k["p"] == null && k["q"] == null, "only public halves are published");
        (await fixture.App.WithDbAsync(db => db.AuditEntries.Where(a => a.EntityType == nameof(SigningKey)).Select(a => a.ChangesJson).ToListAsync()))
            .Should().NotBeEmpty().And.OnlyContain(json => !json.Contains("ProtectedPrivateKey"), "the audit trail records a new key, never its private half");
        foreach (var token in new[] { before, after })
        {
            var jwk = set.Single(k => k!["kid"]!.GetValue<string>() == Kid(token))!;
            using var rsa = PublicKey(jwk);
            Verifies(rsa, token.Split('.')).Should().BeTrue();
        }

        var (_, verify) = await anyone.GetPageAsync("/verify");
        var (_, answer) = await anyone.SubmitAsync(verify, new Dictionary<string, string?> { ["credential"] = before }, "[data-testid=credential-form]");
        answer.QuerySelector("[data-testid=credential-check]")!.GetAttribute("data-check").Should().Be("Valid");
    }

    [Theory]
    [InlineData("en", "Valid: signed by this portal", "Not valid: the content does not match its signature", "Revoked: the signature is this portal's", "This copy has no signature", "Not issued by this portal", "This is not a credential this page can read")]
    [InlineData("es", "Válida: firmada por este portal", "No válida: el contenido no coincide con su firma", "Revocada: la firma es de este portal", "Esta copia no tiene firma", "No emitida por este portal", "Esto no es una credencial que esta página pueda leer")]
    [InlineData("pt", "Válida: assinada por este portal", "Inválida: o conteúdo não confere com a assinatura", "Revogada: a assinatura é deste portal", "Esta cópia não tem assinatura", "Não emitida por este portal", "Isto não é uma credencial que esta página consiga ler")]
    public async Task The_verify_page_tells_each_kind_of_credential_apart_in_the_readers_language(
        string language, string valid, string tampered, string revoked, string unsigned, string foreign, string unreadable)
    {
        var (person, government) = await IssueAsync($"SV{language}", $"Salto SV{language}", $"Inés Ferrari {language}", $"ines.{language}@sv.example.org");
        using var staff = await fixture.App.SignedInClientAsync(Roles.RegionalStaff);
        var jwt = await (await staff.GetAsync($"/certificates/{person}/badge.jwt")).Content.ReadAsStringAsync();
        var json = await (await staff.GetAsync($"/certificates/{person}/badge")).Content.ReadAsStringAsync();
        var image = await (await staff.GetAsync($"/certificates/{government}/badge.svg")).Content.ReadAsByteArrayAsync();
        var parts = jwt.Split('.');
        var payload = JsonNode.Parse(Base64Url(parts[1]))!;
        payload["credentialSubject"]!["name"] = "Someone Else";
        var tamperedJwt = $"{parts[0]}.{Base64UrlEncode(Encoding.UTF8.GetBytes(payload.ToJsonString()))}.{parts[2]}";
        using var stranger = RSA.Create(2048);
        var foreignJwt = ForeignToken(stranger, payload.ToJsonString());
        using var reader = fixture.App.NewClient(language);

        async Task<(string Check, string Text)> CheckAsync(string credential)
        {
            var (_, page) = await reader.GetPageAsync("/verify");
            var (response, answer) = await reader.SubmitAsync(page, new Dictionary<string, string?> { ["credential"] = credential }, "[data-testid=credential-form]");
            response.StatusCode.Should().Be(HttpStatusCode.OK);
            var box = answer.QuerySelector("[data-testid=credential-check]")!;
            return (box.GetAttribute("data-check")!, box.TextContent);
        }

        (await CheckAsync(jwt)).Should().Match<(string Check, string Text)>(a => a.Check == "Valid" && a.Text.Contains(valid));
        (await CheckAsync(tamperedJwt)).Should().Match<(string Check, string Text)>(a => a.Check == "Tampered" && a.Text.Contains(tampered));
        (await CheckAsync(json)).Should().Match<(string Check, string Text)>(a => a.Check == "Unsigned" && a.Text.Contains(unsigned));
        (await CheckAsync(foreignJwt)).Should().Match<(string Check, string Text)>(a => a.Check == "Foreign" && a.Text.Contains(foreign));
        (await CheckAsync("not a credential { at all")).Should().Match<(string Check, string Text)>(a => a.Check == "Unreadable" && a.Text.Contains(unreadable));

        // A badge image carries its signed credential: uploaded, it verifies.
        var (_, form) = await reader.GetPageAsync("/verify");
        var (_, uploaded) = await reader.UploadAsync(form, "[data-testid=credential-form]", "file", "badge.svg", image);
        uploaded.QuerySelector("[data-testid=credential-check]")!.GetAttribute("data-check").Should().Be("Valid");

        var (_, list) = await staff.GetPageAsync($"/certificates?cohort={await CohortOfAsync(person)}");
        await RevocationTests.RevokeAsync(staff, list, person, "Issued in error.");
        (await CheckAsync(jwt)).Should().Match<(string Check, string Text)>(a => a.Check == "Revoked" && a.Text.Contains(revoked));
    }

    private async Task<(int Person, int Government)> IssueAsync(string cohortCode, string place, string name, string email)
    {
        var (cohort, sessions) = await fixture.App.AddCohortAsync(
            cohortCode,
            ("FORUM", EventKind.LaunchForum, new DateTime(2023, 10, 18, 13, 0, 0, DateTimeKind.Utc), 120, "America/Bogota"),
            ("WS1", EventKind.Workshop, new DateTime(2023, 11, 8, 14, 0, 0, DateTimeKind.Utc), 120, "America/Bogota"));
        var government = await fixture.App.AddLocalGovernmentAsync(place, "CO");
        var person = await fixture.App.AddChampionAsync(cohort, sessions.Values, name, government, "CO", "es");
        await fixture.App.WithDbAsync(async db =>
        {
            (await db.Authorities.SingleAsync(a => a.Id == person)).Email = email;
            return await db.SaveChangesAsync();
        });
        using var staff = await fixture.App.SignedInClientAsync(Roles.RegionalStaff);
        var (_, list) = await staff.GetPageAsync($"/certificates?cohort={cohort}");
        await staff.SubmitAsync(list, new Dictionary<string, string?>(), "[data-testid=issue-form]");
        await fixture.App.IssuancesFinishedAsync();
        return await fixture.App.WithDbAsync(async db => (
            await db.Certificates.Where(c => c.CohortId == cohort && c.Kind == CertificateKind.Person).Select(c => c.Id).SingleAsync(),
            await db.Certificates.Where(c => c.CohortId == cohort && c.Kind == CertificateKind.LocalGovernment).Select(c => c.Id).SingleAsync()));
    }

    private Task<int> CohortOfAsync(int certificate) => fixture.App.WithDbAsync(db => db.Certificates.Where(c => c.Id == certificate).Select(c => c.CohortId).SingleAsync());

    private static async Task<JsonNode> JsonAsync(PortalClient client, string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Accept.ParseAdd("application/json");
        var response = await client.SendAsync(request);
        response.StatusCode.Should().Be(HttpStatusCode.OK, path);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/json", path);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
    }

    /// <summary>The list's bits as the specification encodes them: multibase "u", base64url, GZIP; position 0 is the first byte's highest bit.</summary>
    private static async Task<bool[]> BitsAsync(PortalClient client, string path)
    {
        var jwt = await (await client.GetAsync(path)).Content.ReadAsStringAsync();
        var parts = jwt.Split('.');
        var jwk = (await JsonAsync(client, new Uri(Kid(jwt)).PathAndQuery));
        using (var rsa = PublicKey(jwk))
        {
            Verifies(rsa, parts).Should().BeTrue("the status list is signed the same way");
        }

        var encoded = JsonNode.Parse(Base64Url(parts[1]))!["credentialSubject"]!["encodedList"]!.GetValue<string>();
        encoded.Should().StartWith("u");
        using var gzip = new GZipStream(new MemoryStream(Base64UrlDecode(encoded[1..])), CompressionMode.Decompress);
        using var bytes = new MemoryStream();
        await gzip.CopyToAsync(bytes);
        return [.. bytes.ToArray().SelectMany(b => Enumerable.Range(0, 8).Select(bit => (b & (0x80 >> bit)) != 0))];
    }

    private static string Kid(string jwt) => JsonNode.Parse(Base64Url(jwt.Split('.')[0]))!["kid"]!.GetValue<string>();

    private static RSA PublicKey(JsonNode jwk)
    {
        var rsa = RSA.Create();
        rsa.ImportParameters(new RSAParameters { Modulus = Base64UrlDecode(jwk["n"]!.GetValue<string>()), Exponent = Base64UrlDecode(jwk["e"]!.GetValue<string>()) });
        return rsa;
    }

    private static bool Verifies(RSA rsa, string[] parts) =>
        rsa.VerifyData(Encoding.ASCII.GetBytes($"{parts[0]}.{parts[1]}"), Base64UrlDecode(parts[2]), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);

    /// <summary>A well-formed token signed by someone else's key, naming a key that is not the portal's.</summary>
    private static string ForeignToken(RSA key, string payload)
    {
        var header = Base64UrlEncode(Encoding.UTF8.GetBytes("""{"alg":"RS256","typ":"JWT","kid":"https://issuer.example.org/keys/1"}"""));
        var body = Base64UrlEncode(Encoding.UTF8.GetBytes(payload));
        var signature = key.SignData(Encoding.ASCII.GetBytes($"{header}.{body}"), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return $"{header}.{body}.{Base64UrlEncode(signature)}";
    }

    private static string Base64Url(string segment) => Encoding.UTF8.GetString(Base64UrlDecode(segment));

    private static byte[] Base64UrlDecode(string segment)
    {
        var padded = segment.Replace('-', '+').Replace('_', '/');
        return Convert.FromBase64String(padded + new string('=', (4 - padded.Length % 4) % 4));
    }

    private static string Base64UrlEncode(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
