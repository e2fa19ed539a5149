using System.Net;
using System.Text.Json.Nodes;
using ChampionPortal.Testing;
using ChampionPortal.Web.Domain;
using Json.Schema;
using Microsoft.EntityFrameworkCore;

namespace ChampionPortal.Tests.Certificates;

public sealed class OpenBadgeTests(PortalFixture fixture) : IClassFixture<PortalFixture>
{
    private static readonly string SchemaPath = Path.Combine(AppContext.BaseDirectory, "Certificates", "ob_v3p0_achievementcredential.schema.json");

    // Built once: the schema library registers a schema by its id for the whole process.
    private static readonly Lazy<JsonSchema> Schema = new(() => JsonSchema.FromText(File.ReadAllText(SchemaPath)));

    [Fact]
    public async Task A_certificate_is_an_open_badges_credential_valid_against_the_official_schema_and_revocation_shows_in_it()
    {
        var (cohort, sessions) = await fixture.App.AddCohortAsync(
            "OB1",
            ("FORUM", EventKind.LaunchForum, new DateTime(2023, 10, 18, 13, 0, 0, DateTimeKind.Utc), 120, "America/Bogota"),
            ("WS1", EventKind.Workshop, new DateTime(2023, 11, 8, 14, 0, 0, DateTimeKind.Utc), 120, "America/Bogota"));
        var place = await fixture.App.AddLocalGovernmentAsync("Cúcuta OB1", "CO");
        var person = await fixture.App.AddAuthorityAsync("Álvaro Saldaña", place, "CO");
        await fixture.App.AddInvitationAsync(cohort, person);
        await fixture.App.WithDbAsync(async db =>
        {
            db.Attendances.AddRange(sessions.Values.Select(s => new ChampionPortal.Web.Domain.Attendance
            {
                CohortId = cohort,
                SessionId = s,
                AuthorityId = person,
                LocalGovernmentId = place,
                CountryCode = "CO",
                Status = AttendanceStatus.Present,
                RecordedAtUtc = DateTime.UtcNow,
            }));
            return await db.SaveChangesAsync();
        });
        using var staff = await fixture.App.SignedInClientAsync(Roles.RegionalStaff);
        var (_, list) = await staff.GetPageAsync($"/certificates?cohort={cohort}");
        await staff.SubmitAsync(list, new Dictionary<string, string?>(), "[data-testid=issue-form]");
        await fixture.App.IssuancesFinishedAsync();
        var id = await fixture.App.WithDbAsync(db => db.Certificates.Where(c => c.CohortId == cohort && c.Kind == CertificateKind.Person).Select(c => c.Id).SingleAsync());
        var schema = Schema.Value;
        var options = new EvaluationOptions { OutputFormat = OutputFormat.List, RequireFormatValidation = true };

        var text = await (await staff.GetAsync($"/certificates/{id}/badge")).Content.ReadAsStringAsync();
        var badge = JsonNode.Parse(text)!;
        var result = schema.Evaluate(System.Text.Json.JsonDocument.Parse(text).RootElement, options);
        result.IsValid.Should().BeTrue(System.Text.Json.JsonSerializer.Serialize(result));
        badge["credentialSubject"]!["achievement"]!["name"]!.GetValue<string>().Should().Be("Autoridad Local Campeona", "a Colombian champion's credential is in Spanish, as the certificate");
        badge["credentialSubject"]!["name"]!.GetValue<string>().Should().Be("Álvaro Saldaña");
        badge["credentialSubject"]!["identifier"]![0]!["identityHash"]!.GetValue<string>().Should().StartWith("sha256$", "the person is identified by their e-mail address, hashed (issue 24)");
        badge["credentialSubject"]!["achievement"]!["alignment"]![0]!["targetCode"]!.GetValue<string>().Should().Be("A/RES/73/195");
        badge["validUntil"].Should().BeNull();

        var (_, page) = await staff.GetPageAsync($"/certificates?cohort={cohort}");
        await RevocationTests.RevokeAsync(staff, page, id, "Wrong cohort.");
        var revokedText = await (await staff.GetAsync($"/certificates/{id}/badge")).Content.ReadAsStringAsync();
        var revoked = JsonNode.Parse(revokedText)!;
        schema.Evaluate(System.Text.Json.JsonDocument.Parse(revokedText).RootElement, options).IsValid.Should().BeTrue();
        revoked["validUntil"].Should().NotBeNull("a revoked credential is valid no longer");

        using var other = await fixture.App.SignedInClientAsync(Roles.CountryOffice, "PE");
        (await other.GetAsync($"/certificates/{id}/badge")).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_credential_speaks_its_recipients_language_and_names_the_achievements_other_language_editions()
    {
        var (cohort, sessions) = await fixture.App.AddCohortAsync(
            "OB2",
            ("FORUM", EventKind.LaunchForum, new DateTime(2023, 10, 18, 13, 0, 0, DateTimeKind.Utc), 120, "America/Sao_Paulo"),
            ("WS1", EventKind.Workshop, new DateTime(2023, 11, 8, 14, 0, 0, DateTimeKind.Utc), 120, "America/Sao_Paulo"));
        await fixture.App.WithDbAsync(async db =>
        {
            var saved = await db.Cohorts.SingleAsync(c => c.Id == cohort);
            (saved.Name, saved.NameEs, saved.NamePt) = ("OB2 — first cohort", "OB2 — primera cohorte", "OB2 — primeira coorte");
            return await db.SaveChangesAsync();
        });
        var place = await fixture.App.AddLocalGovernmentAsync("Niterói OB2", "BR");
        await fixture.App.AddChampionAsync(cohort, sessions.Values, "Conceição Ramos", place, "BR", "pt");
        using var staff = await fixture.App.SignedInClientAsync(Roles.RegionalStaff);
        var (_, list) = await staff.GetPageAsync($"/certificates?cohort={cohort}");
        await staff.SubmitAsync(list, new Dictionary<string, string?>(), "[data-testid=issue-form]");
        await fixture.App.IssuancesFinishedAsync();
        var id = await fixture.App.WithDbAsync(db => db.Certificates.Where(c => c.CohortId == cohort && c.Kind == CertificateKind.Person).Select(c => c.Id).SingleAsync());

        var text = await (await staff.GetAsync($"/certificates/{id}/badge")).Content.ReadAsStringAsync();
        var result = Schema.Value.Evaluate(System.Text.Json.JsonDocument.Parse(text).RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List, RequireFormatValidation = true });
        result.IsValid.Should().BeTrue(System.Text.Json.JsonSerializer.Serialize(result));
        var badge = JsonNode.Parse(text)!;
        badge["name"]!.GetValue<string>().Should().Be("Autoridade Local Campeã — OB2 — primeira coorte", "a wallet lists the credential in its holder's language");
        var achievement = badge["credentialSubject"]!["achievement"]!;
        achievement["inLanguage"]!.GetValue<string>().Should().Be("pt");
        achievement["name"]!.GetValue<string>().Should().Be("Autoridade Local Campeã");
        achievement["description"]!.GetValue<string>().Should().Contain("OB2 — primeira coorte").And.Contain("Pacto Global");
        achievement["criteria"]!["narrative"]!.GetValue<string>().Should().StartWith("Participou do fórum de lançamento");

        // Open Badges 3.0 links a language edition to the others through "related", each at its own address.
        var editions = achievement["related"]!.AsArray().ToDictionary(r => r!["inLanguage"]!.GetValue<string>(), r => r!["id"]!.GetValue<string>());
        editions.Keys.Should().BeEquivalentTo(["en", "es"]);
        using var anyone = fixture.App.NewClient();
        var expected = new Dictionary<string, (string Name, string Criteria)>
        {
            ["en"] = ("Champion Local Authority", "Took part in the launch forum"),
            ["es"] = ("Autoridad Local Campeona", "Participó en el foro de lanzamiento"),
        };
        foreach (var (language, address) in editions)
        {
            var edition = await JsonAsync(anyone, new Uri(address).PathAndQuery);
            edition["id"]!.GetValue<string>().Should().Be(address);
            edition["inLanguage"]!.GetValue<string>().Should().Be(language);
            edition["name"]!.GetValue<string>().Should().Be(expected[language].Name);
            edition["criteria"]!["narrative"]!.GetValue<string>().Should().StartWith(expected[language].Criteria);
            edition["related"]!.AsArray().Select(r => r!["id"]!.GetValue<string>()).Should().Contain(achievement["id"]!.GetValue<string>(), "every edition names the others");
            var image = await (await anyone.GetAsync(new Uri(edition["image"]!["id"]!.GetValue<string>()).PathAndQuery)).Content.ReadAsStringAsync();
            image.Should().Contain(expected[language].Name);
        }

        editions["en"].Should().EndWith($"/achievements/OB2/person", "the English edition keeps the address credentials already issued point to");

        // The verification page quotes the credential's achievement and marks its language for screen readers.
        var jwt = await (await staff.GetAsync($"/certificates/{id}/badge.jwt")).Content.ReadAsStringAsync();
        var (_, verify) = await anyone.GetPageAsync("/verify");
        var (_, answer) = await anyone.SubmitAsync(verify, new Dictionary<string, string?> { ["credential"] = jwt }, "[data-testid=credential-form]");
        var quoted = answer.QuerySelector("[data-testid=achievement-link]")!;
        quoted.TextContent.Should().Be("Autoridade Local Campeã");
        quoted.ParentElement!.GetAttribute("lang").Should().Be("pt");
    }

    private static async Task<JsonNode> JsonAsync(ChampionPortal.Testing.PortalClient client, string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Accept.ParseAdd("application/ld+json");
        var response = await client.SendAsync(request);
        response.StatusCode.Should().Be(HttpStatusCode.OK, path);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
    }

    [Fact]
    public void The_schema_copy_is_the_official_one_from_the_shared_reference_folder()
    {
        var shared = Path.Combine(TestPaths.RepositoryRoot!.Parent!.FullName, "shared", "reference", "ob_v3p0_achievementcredential.schema.json");
        // The project's shared reference folder sits beside the clone; without it this check would prove nothing.
        File.Exists(shared).Should().BeTrue($"the shared reference schema is expected at {shared}");
        File.ReadAllText(SchemaPath).Should().Be(File.ReadAllText(shared));
    }
}
