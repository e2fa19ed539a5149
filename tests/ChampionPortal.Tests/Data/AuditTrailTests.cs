using System.Text.Json;
using ChampionPortal.Testing;
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
