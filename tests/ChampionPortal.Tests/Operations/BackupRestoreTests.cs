using System.Net;
using ChampionPortal.Testing;
using ChampionPortal.Tests.Certificates;
using ChampionPortal.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace ChampionPortal.Tests.Operations;

public sealed class BackupRestoreTests(PortalFixture fixture) : IClassFixture<PortalFixture>
{
    [Fact]
    public async Task A_pg_dump_restored_into_a_new_database_serves_the_same_records_certificates_and_signed_in_users()
    {
        var s = await CertificateTests.SetupAsync(fixture.App, "BAK1");
        using var staff = await fixture.App.SignedInClientAsync(Roles.RegionalStaff);
        var (_, list) = await staff.GetPageAsync($"/certificates?cohort={s.Cohort}");
        await staff.SubmitAsync(list, new Dictionary<string, string?>(), "[data-testid=issue-form]");
        await fixture.App.IssuancesFinishedAsync();
        var certificate = await fixture.App.WithDbAsync(db => db.Certificates.AsNoTracking().SingleAsync(c => c.CohortId == s.Cohort && c.AuthorityId == s.Conceicao));

        var dump = await fixture.Cluster.DumpAsync(fixture.DatabaseName);
        var restored = await fixture.Cluster.RestoreAsync(dump);
        await using var portal = new PortalAppFactory(fixture.Cluster.ConnectionString(restored));
        portal.Start();

        // The same verification answer, the same stored PDF, and the staff member still signed in (keys restored too).
        var code = string.Join("-", certificate.VerificationCode.Chunk(4).Select(c => new string(c)));
        var (verified, page) = await portal.NewClient().GetPageAsync($"/verify/{code}");
        verified.StatusCode.Should().Be(HttpStatusCode.OK);
        page.QuerySelector("[data-testid=recipient]")!.TextContent.Should().Be("Conceição Nuñez Añasco");
        var pdf = await staff.GetAsync(new Uri(portal.BaseAddress, $"/certificates/{certificate.Id}/pdf").ToString());
        pdf.StatusCode.Should().Be(HttpStatusCode.OK);
        Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(await pdf.Content.ReadAsByteArrayAsync())).Should().BeEquivalentTo(certificate.Sha256);
        (await portal.WithDbAsync(db => db.AuditEntries.CountAsync())).Should().Be(await fixture.App.WithDbAsync(db => db.AuditEntries.CountAsync()), "the audit trail comes back whole");
    }
}
