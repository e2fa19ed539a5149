using ChampionPortal.Testing;
using ChampionPortal.Web.Domain;
using MimeKit;

namespace ChampionPortal.Tests.Account;

public sealed class PickupFolderFixture : PortalFixture
{
    public DirectoryInfo Pickup { get; } = Directory.CreateTempSubdirectory("champion-pickup-");

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        Pickup.Delete(recursive: true);
    }

    protected override PortalAppFactory CreateFactory(string connectionString) =>
        new(connectionString, settings: new Dictionary<string, string?> { ["Email:PickupFolder"] = Pickup.FullName });
}

/// <summary>Without SMTP settings the sender writes each message as an .eml file, so development needs no mail server.</summary>
public sealed class PickupFolderTests(PickupFolderFixture fixture) : IClassFixture<PickupFolderFixture>
{
    [Fact]
    public async Task Without_an_SMTP_host_a_reset_message_is_written_to_the_pickup_folder()
    {
        var email = await fixture.App.CreateUserAsync(Roles.RegionalStaff, language: "es");
        using var client = fixture.App.NewClient();
        var (_, form) = await client.GetPageAsync("/account/forgot-password");
        var delivered = fixture.App.OutboxAttemptsAsync(1);

        await client.SubmitAsync(form, new Dictionary<string, string?> { ["Email"] = email });
        await delivered;

        var file = fixture.Pickup.GetFiles("*.eml").Should().ContainSingle().Subject;
        var message = await MimeMessage.LoadAsync(file.FullName);
        message.To.Mailboxes.Single().Address.Should().Be(email);
        message.Subject.Should().Be("Elija una nueva contraseña para el Portal Champion");
        message.TextBody.Should().Contain("/account/reset-password?user=");
    }
}
