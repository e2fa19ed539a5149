using System.Diagnostics;
using System.Net;
using ChampionPortal.Testing;
using ChampionPortal.Tests.Localization;
using ChampionPortal.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ChampionPortal.Tests.Operations;

/// <summary>The operator commands run through the real entry point, as a separate process, like an operator runs them.</summary>
public sealed class OperatorCommandTests(PortalFixture fixture) : IClassFixture<PortalFixture>
{
    [Fact]
    public async Task Users_add_with_a_piped_password_creates_a_user_who_then_signs_in()
    {
        var (exitCode, output, error) = await RunPortalAsync("Correct-Horse-Battery-9\n",
            "users", "add", "--email", "new.staff@test.example.org", "--role", "RegionalStaff", "--name", "Nueva Persona");

        exitCode.Should().Be(0, error);
        output.Should().Contain("Created RegionalStaff user new.staff@test.example.org").And.NotContain("Generated password");
        using var client = fixture.App.NewClient();
        (await client.SignInAsync("new.staff@test.example.org", "Correct-Horse-Battery-9")).StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await client.GetAsync("/local-governments")).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Users_add_with_standard_input_closed_generates_a_password_and_prints_it_once()
    {
        var (exitCode, output, error) = await RunPortalAsync("",
            "users", "add", "--email", "office.co@test.example.org", "--role", "CountryOffice", "--country", "co");

        exitCode.Should().Be(0, error);
        var password = output.Split('\n').Single(l => l.StartsWith("Generated password", StringComparison.Ordinal)).Split(':', 2)[1].Trim();
        password.Length.Should().BeGreaterThanOrEqualTo(12);
        using var client = fixture.App.NewClient();
        (await client.SignInAsync("office.co@test.example.org", password)).StatusCode.Should().Be(HttpStatusCode.Redirect);
        var user = await fixture.App.WithDbAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.Email == "office.co@test.example.org"));
        user.CountryCode.Should().Be("CO");
        var audit = await fixture.App.WithDbAsync(db => db.AuditEntries.AsNoTracking().Where(a => a.EntityType == nameof(PortalUser)).Select(a => a.Actor).ToListAsync());
        audit.Should().Contain("cli: users add");
    }

    [Fact]
    public async Task Users_add_refuses_a_country_office_without_a_country_and_creates_nothing()
    {
        var (exitCode, _, error) = await RunPortalAsync("", "users", "add", "--email", "nocountry@test.example.org", "--role", "CountryOffice");

        exitCode.Should().Be(2);
        error.Should().Contain("--country");
        (await fixture.App.WithDbAsync(db => db.Users.AnyAsync(u => u.Email == "nocountry@test.example.org"))).Should().BeFalse();
    }

    [Fact]
    public async Task Users_add_passes_the_checks_of_the_users_page_one_account_per_authority()
    {
        var government = await fixture.App.AddLocalGovernmentAsync("Paysandú CLI", "UY");
        var authority = await fixture.App.AddAuthorityAsync("Persona con cuenta", government, "UY");
        await fixture.App.CreateUserAsync(Roles.Authority, authorityId: authority);

        var (exitCode, _, error) = await RunPortalAsync("Correct-Horse-Battery-9\n",
            "users", "add", "--email", "second.account@test.example.org", "--role", "Authority", "--authority-id", authority.ToString(System.Globalization.CultureInfo.InvariantCulture));

        exitCode.Should().Be(1);
        error.Should().Contain("already has an account");
        (await fixture.App.WithDbAsync(db => db.Users.AnyAsync(u => u.Email == "second.account@test.example.org"))).Should().BeFalse();
    }

    [Fact]
    public async Task Migrate_then_seed_demo_build_an_empty_database_and_seeding_twice_changes_nothing()
    {
        var database = await fixture.Cluster.CreateEmptyDatabaseAsync();
        var connectionString = fixture.Cluster.ConnectionString(database);

        var migrate = await RunPortalOnAsync(connectionString, "", "migrate");
        var firstSeed = await RunPortalOnAsync(connectionString, "", "seed-demo");
        var secondSeed = await RunPortalOnAsync(connectionString, "", "seed-demo");

        migrate.ExitCode.Should().Be(0, migrate.Error);
        migrate.Output.Should().Contain("Database migrated");
        migrate.Error.Should().NotContain("ERR", "a first install on an empty database is not an error an operator should see");
        firstSeed.Output.Should().Contain("Demo data loaded.").And.Contain("admin@demo.example.org");
        secondSeed.ExitCode.Should().Be(0, secondSeed.Error);
        secondSeed.Output.Should().Contain("already loaded");
        await using var app = new PortalAppFactory(connectionString);
        app.Start();
        (await app.WithDbAsync(db => db.Authorities.CountAsync())).Should().Be(40);
        (await app.WithDbAsync(db => db.Countries.CountAsync())).Should().Be(10);
    }

    [Fact]
    public async Task Users_reset_two_factor_lets_someone_who_lost_the_phone_and_the_codes_sign_in_with_the_password_again()
    {
        var email = await fixture.App.CreateUserAsync(Roles.Administrator);
        await fixture.App.WithDbAsync(db => db.Users.Where(u => u.Email == email).ExecuteUpdateAsync(u => u.SetProperty(x => x.TwoFactorEnabled, true)));
        using (var before = fixture.App.NewClient())
        {
            (await before.SignInAsync(email)).Headers.Location!.ToString().Should().StartWith("/account/two-factor");
        }

        var (exitCode, output, error) = await RunPortalAsync("", "users", "reset-two-factor", "--email", email);

        exitCode.Should().Be(0, error);
        output.Should().Contain("was reset");
        using var after = fixture.App.NewClient();
        (await after.SignInAsync(email)).Headers.Location!.ToString().Should().Be("/");
        (await RunPortalAsync("", "users", "reset-two-factor", "--email", "nobody@test.example.org")).ExitCode.Should().Be(1);
    }

    [Fact]
    public async Task An_unknown_command_prints_the_usage_and_fails()
    {
        var (exitCode, _, error) = await RunPortalAsync("", "users", "remove", "--email", "x@test.example.org");

        exitCode.Should().Be(2);
        error.Should().Contain("Usage:").And.Contain("users add --email");
    }

    [Fact]
    public async Task Keys_rotate_makes_a_new_key_sign_on_every_instance_and_keeps_the_old_one_published()
    {
        string oldKey;
        using (var scope = fixture.App.Services.CreateScope())
        {
            oldKey = (await scope.ServiceProvider.GetRequiredService<ChampionPortal.Web.Features.Certificates.IssuerKeys>().CurrentAsync()).KeyId;
        }

        var (exitCode, output, error) = await RunPortalAsync("", "keys", "rotate");

        exitCode.Should().Be(0, error);
        var newKey = System.Text.RegularExpressions.Regex.Match(output, @"New signing key (\S+);").Groups[1].Value;
        newKey.Should().NotBeEmpty(output).And.NotBe(oldKey);
        using var anyone = fixture.App.NewClient();
        var published = await (await anyone.GetAsync("/.well-known/jwks.json")).Content.ReadAsStringAsync();
        published.Should().Contain($"/keys/{oldKey}").And.Contain($"/keys/{newKey}");

        // The portal, another process, signs with the key the operator's command made (its Data Protection keys are shared).
        using (var scope = fixture.App.Services.CreateScope())
        {
            var token = await scope.ServiceProvider.GetRequiredService<ChampionPortal.Web.Features.Certificates.CredentialSigner>()
                .SignAsync(new System.Text.Json.Nodes.JsonObject { ["id"] = "urn:test" });
            var header = System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(Padded(token.Split('.')[0])));
            header.Should().Contain($"/keys/{newKey}");
        }
    }

    private static string Padded(string base64Url)
    {
        var text = base64Url.Replace('-', '+').Replace('_', '/');
        return text + new string('=', (4 - text.Length % 4) % 4);
    }

    private Task<(int ExitCode, string Output, string Error)> RunPortalAsync(string standardInput, params string[] arguments) =>
        RunPortalOnAsync(fixture.App.ConnectionString, standardInput, arguments);

    private static async Task<(int ExitCode, string Output, string Error)> RunPortalOnAsync(string connectionString, string standardInput, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(PortalDll())!,
        };
        start.ArgumentList.Add(PortalDll());
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["Database__Provider"] = "Postgres";
        start.Environment["ConnectionStrings__Portal"] = connectionString;
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        using var process = Process.Start(start)!;
        await process.StandardInput.WriteAsync(standardInput);
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output, await error);
    }

    /// <summary>The web project's own build output, whose runtimeconfig lets `dotnet ChampionPortal.Web.dll` start it.</summary>
    private static string PortalDll()
    {
        var configuration = Path.GetFileName(Path.GetDirectoryName(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)))!;
        var path = Path.Combine(ResourceCompletenessTests.RepositoryRoot(), "src", "ChampionPortal.Web", "bin", configuration, "net10.0", "ChampionPortal.Web.dll");
        return File.Exists(path) ? path : throw new FileNotFoundException("Build the solution first.", path);
    }
}
