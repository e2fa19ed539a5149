using System.Text.Json;
using ChampionPortal.Testing;
using ChampionPortal.Web.Data;
using ChampionPortal.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace ChampionPortal.Tests.Data;

public sealed class AuditTrailTests(PortalFixture fixture) : IClassFixture<PortalFixture>
{
    [Fact]
    public async Task A_create_and_an_edit_are_recorded_with_old_and_new_values_and_the_acting_user()
    {
        var email = await fixture.App.CreateUserAsync(Roles.RegionalStaff);
        using var client = fixture.App.NewClient();
        (await client.SignInAsync(email)).StatusCode.Should().Be(System.Net.HttpStatusCode.Redirect);

        var (_, newForm) = await client.GetPageAsync("/local-governments/new");
        var (created, _) = await client.SubmitAsync(newForm, new Dictionary<string, string?>
        {
            ["Form.Name"] = "Santa Cruz de la Sierra",
            ["Form.Kind"] = "Municipality",
            ["Form.CountryCode"] = "BO",
            ["Form.TimeZone"] = "America/La_Paz",
        });
        var url = created.Headers.Location!.ToString();
        var id = url.Split('/').Last();
        var (_, editForm) = await client.GetPageAsync(url + "/edit");
        await client.SubmitAsync(editForm, new Dictionary<string, string?> { ["Form.Name"] = "Santa Cruz", ["Form.Kind"] = "City" });

        var entries = await fixture.App.WithDbAsync(db => db.AuditEntries.AsNoTracking()
            .Where(a => a.EntityType == nameof(LocalGovernment) && a.EntityKey == id).OrderBy(a => a.Id).ToListAsync());

        entries.Select(e => e.Action).Should().Equal(AuditAction.Created, AuditAction.Updated);
        entries.Should().OnlyContain(e => e.Actor == email && e.ActorUserId != null);
        var createdValues = JsonDocument.Parse(entries[0].ChangesJson).RootElement;
        createdValues.GetProperty("Name").GetProperty("new").GetString().Should().Be("Santa Cruz de la Sierra");
        var changes = JsonDocument.Parse(entries[1].ChangesJson).RootElement;
        changes.GetProperty("Name").GetProperty("old").GetString().Should().Be("Santa Cruz de la Sierra");
        changes.GetProperty("Name").GetProperty("new").GetString().Should().Be("Santa Cruz");
        changes.GetProperty("Kind").GetProperty("old").GetString().Should().Be("Municipality");
        changes.GetProperty("Kind").GetProperty("new").GetString().Should().Be("City");
        changes.TryGetProperty("TimeZone", out _).Should().BeFalse("unchanged fields are not repeated");
    }

    [Fact]
    public async Task A_large_save_that_breaks_a_unique_rule_writes_nothing_and_fails_as_any_save_does()
    {
        // Enough records to take the bulk path (binary COPY), saved as imports save; the last person's e-mail is already someone else's.
        var place = await fixture.App.AddLocalGovernmentAsync("Cochabamba BULK", "BO");
        var taken = await fixture.App.WithDbAsync(async db => (await db.Authorities.FindAsync(await fixture.App.AddAuthorityAsync("Ya Registrada", place, "BO")))!.Email);
        var people = Enumerable.Range(0, BulkInsertion.Threshold + 50)
            .Select(i => new Authority { FullName = $"Lote {i}", Position = "Concejal", Email = $"lote.{i}@bulk.example.org", CountryCode = "BO", LocalGovernmentId = place })
            .ToList();
        people[^1].Email = taken.ToUpperInvariant();

        var save = () => fixture.App.WithDbAsync(async db =>
        {
            db.Authorities.AddRange(people);
            await db.SaveChangesInBulkAsync(CancellationToken.None);
            return people.Count;
        });

        (await save.Should().ThrowAsync<DbUpdateException>()).WithInnerException<Npgsql.PostgresException>();
        (await fixture.App.WithDbAsync(db => db.Authorities.CountAsync(a => a.Position == "Concejal"))).Should().Be(0);
        (await fixture.App.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.EntityType == nameof(Authority) && a.ChangesJson.Contains("Lote ")))).Should().Be(0);

        // The same records without the duplicate are written whole, each with its audit entry under its own key.
        people.RemoveAt(people.Count - 1);
        foreach (var person in people)
        {
            person.Id = 0;
        }

        await save();
        var ids = people.Select(p => p.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList();
        ids.Should().OnlyHaveUniqueItems().And.NotContain("0");
        var audited = await fixture.App.WithDbAsync(db => db.AuditEntries.Where(a => a.EntityType == nameof(Authority) && ids.Contains(a.EntityKey)).ToListAsync());
        audited.Should().HaveCount(people.Count).And.OnlyContain(a => a.Action == AuditAction.Created && a.ContainsPersonalData);
        JsonDocument.Parse(audited.Single(a => a.EntityKey == ids[7]).ChangesJson).RootElement.GetProperty("FullName").GetProperty("new").GetString().Should().Be("Lote 7");
    }

    [Fact]
    public async Task The_audit_of_an_account_holds_no_password_hash_or_security_stamp()
    {
        var email = await fixture.App.CreateUserAsync(Roles.Administrator);
        var user = await fixture.App.WithDbAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.Email == email));

        var entries = await fixture.App.WithDbAsync(db => db.AuditEntries.AsNoTracking()
            .Where(a => a.EntityType == nameof(PortalUser) && a.EntityKey == user.Id.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .ToListAsync());

        entries.Should().NotBeEmpty();
        entries.Should().OnlyContain(e => e.ContainsPersonalData);
        foreach (var entry in entries)
        {
            entry.ChangesJson.Should().NotContain(user.PasswordHash!).And.NotContain("PasswordHash").And.NotContain("SecurityStamp");
        }
    }
}
