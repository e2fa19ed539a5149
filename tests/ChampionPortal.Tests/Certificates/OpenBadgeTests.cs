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
        var schema = JsonSchema.FromText(await File.ReadAllTextAsync(SchemaPath));
        var options = new EvaluationOptions { OutputFormat = OutputFormat.List, RequireFormatValidation = true };

        var text = await (await staff.GetAsync($"/certificates/{id}/badge")).Content.ReadAsStringAsync();
        var badge = JsonNode.Parse(text)!;
        var result = schema.Evaluate(System.Text.Json.JsonDocument.Parse(text).RootElement, options);
        result.IsValid.Should().BeTrue(System.Text.Json.JsonSerializer.Serialize(result));
        badge["credentialSubject"]!["achievement"]!["name"]!.GetValue<string>().Should().Be("Champion Local Authority");
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
    public void The_schema_copy_is_the_official_one_from_the_shared_reference_folder()
    {
        var shared = Path.Combine(TestPaths.RepositoryRoot!.Parent!.FullName, "shared", "reference", "ob_v3p0_achievementcredential.schema.json");
        // The project's shared reference folder sits beside the clone; without it this check would prove nothing.
        File.Exists(shared).Should().BeTrue($"the shared reference schema is expected at {shared}");
        File.ReadAllText(SchemaPath).Should().Be(File.ReadAllText(shared));
    }
}
