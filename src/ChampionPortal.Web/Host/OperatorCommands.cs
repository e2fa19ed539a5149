using System.Security.Cryptography;
using System.Text;
using ChampionPortal.Web.Data;
using ChampionPortal.Web.Data.Seeding;
using ChampionPortal.Web.Domain;
using ChampionPortal.Web.Features.Certificates;
using ChampionPortal.Web.Features.Users;
using ChampionPortal.Web.Infrastructure.Auditing;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace ChampionPortal.Web.Host;

/// <summary>
/// The operator commands of the executable: <c>migrate</c>, <c>seed-demo</c>, <c>users add</c>,
/// <c>users reset-two-factor</c> and <c>keys rotate</c>. Options that
/// are not the command's own (such as --Database:Provider=Postgres) are left for the host's configuration.
/// </summary>
public static class OperatorCommands
{
    private static readonly string[] Names = ["migrate", "seed-demo", "users", "keys"];

    public static bool IsCommand(string[] args) => args.Length > 0 && Names.Contains(args[0]);

    /// <summary>Splits the command's own words and options from the configuration arguments meant for the host.</summary>
    public static (List<string> Command, string[] HostArgs) Split(string[] args)
    {
        var command = new List<string>();
        var host = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i].StartsWith("--", StringComparison.Ordinal) && args[i].Contains(':', StringComparison.Ordinal))
            {
                host.Add(args[i]);
                if (!args[i].Contains('=', StringComparison.Ordinal) && i + 1 < args.Length)
                {
                    host.Add(args[++i]);
                }
            }
            else
            {
                command.Add(args[i]);
            }
        }

        return (command, host.ToArray());
    }

    public static async Task<int> RunAsync(IServiceProvider services, List<string> command, TextReader input, TextWriter output, TextWriter error)
    {
        try
        {
            switch (command[0])
            {
                case "migrate":
                    await DatabaseStartup.MigrateAsync(services);
                    output.WriteLine("Database migrated; reference data loaded.");
                    return 0;
                case "seed-demo":
                    await DatabaseStartup.MigrateAsync(services);
                    output.WriteLine(await DatabaseStartup.SeedDemoAsync(services)
                        ? "Demo data loaded."
                        : "Demo data was already loaded; nothing changed.");
                    DatabaseStartup.PrintDemoAccounts(output);
                    return 0;
                case "users" when command.Count > 1 && command[1] == "add":
                    return await AddUserAsync(services, ParseOptions(command.Skip(2)), input, output, error);
                case "users" when command.Count > 1 && command[1] == "reset-two-factor":
                    return await ResetTwoFactorAsync(services, ParseOptions(command.Skip(2)), output, error);
                case "keys" when command.Count > 1 && command[1] == "rotate":
                    return await RotateKeysAsync(services, output);
                default:
                    error.WriteLine(Usage);
                    return 2;
            }
        }
        catch (UsageException ex)
        {
            error.WriteLine(ex.Message);
            error.WriteLine(Usage);
            return 2;
        }
    }

    public const string Usage = """
        Usage:
          ChampionPortal.Web migrate
          ChampionPortal.Web seed-demo
          ChampionPortal.Web users add --email EMAIL --role ROLE [--name "FULL NAME"] [--country XX] [--authority-id N] [--language en|es|pt]
            ROLE is Administrator, RegionalStaff, CountryOffice (needs --country) or Authority (needs --authority-id).
            The password is read from standard input when it is piped; otherwise one is generated and printed once.
          ChampionPortal.Web users reset-two-factor --email EMAIL
            For someone who lost both the authenticator app and the recovery codes: turns two-factor sign-in off, forgets
            the key and the codes and ends the account's sessions. Roles that must use it set it up again at next sign-in.
          ChampionPortal.Web keys rotate
            Makes a new key sign the certificates' Open Badges credentials from now on. The earlier keys stay published,
            so the credentials they signed keep verifying.
        """;

    private static async Task<int> RotateKeysAsync(IServiceProvider services, TextWriter output)
    {
        await DatabaseStartup.MigrateAsync(services);
        using var scope = services.CreateScope();
        var key = await scope.ServiceProvider.GetRequiredService<IssuerKeys>().RotateAsync();
        output.WriteLine($"New signing key {key.KeyId}; the earlier keys stay published for the credentials they signed.");
        return 0;
    }

    private static async Task<int> ResetTwoFactorAsync(IServiceProvider services, Dictionary<string, string> options, TextWriter output, TextWriter error)
    {
        var email = options.GetValueOrDefault("email") ?? throw new UsageException("--email is required.");
        await DatabaseStartup.MigrateAsync(services);
        using var scope = services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        if (await users.FindByEmailAsync(email) is not { } user)
        {
            error.WriteLine($"No account has the address {email}.");
            return 1;
        }

        await users.SetTwoFactorEnabledAsync(user, false);
        await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 0);

        // A new key also renews the security stamp, which ends the account's open sessions.
        await users.ResetAuthenticatorKeyAsync(user);
        output.WriteLine($"Two-factor sign-in of {email} was reset; the account sets it up again at its next sign-in if its role requires it.");
        return 0;
    }

    private static async Task<int> AddUserAsync(IServiceProvider services, Dictionary<string, string> options, TextReader input, TextWriter output, TextWriter error)
    {
        var email = options.GetValueOrDefault("email") ?? throw new UsageException("--email is required.");
        var role = Roles.All.FirstOrDefault(r => string.Equals(r, options.GetValueOrDefault("role"), StringComparison.OrdinalIgnoreCase))
            ?? throw new UsageException($"--role must be one of: {string.Join(", ", Roles.All)}.");
        var country = options.GetValueOrDefault("country")?.ToUpperInvariant();
        int? authorityId = options.TryGetValue("authority-id", out var a) && int.TryParse(a, out var parsed) ? parsed : null;
        var language = options.GetValueOrDefault("language") ?? "en";

        await DatabaseStartup.MigrateAsync(services);
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        if (role == Roles.CountryOffice && (country is null || !await db.Countries.AnyAsync(c => c.Code == country)))
        {
            throw new UsageException($"A CountryOffice user needs --country with one of: {string.Join(", ", ReferenceData.Countries.Select(c => c.Code))}.");
        }

        if (role == Roles.Authority && (authorityId is null || !await db.Authorities.AnyAsync(x => x.Id == authorityId)))
        {
            throw new UsageException("An Authority user needs --authority-id with the id of an existing authority.");
        }

        if (!Infrastructure.Localization.PortalCultures.IsSupported(language))
        {
            throw new UsageException("--language must be en, es or pt.");
        }

        var password = input.ReadLine()?.Trim();
        var generated = string.IsNullOrEmpty(password);
        if (generated)
        {
            password = GeneratePassword();
        }

        var form = new NewUserForm
        {
            Email = email,
            FullName = options.GetValueOrDefault("name") ?? email,
            Role = role,
            CountryCode = country,
            AuthorityId = authorityId,
            PreferredLanguage = language,
        };
        using (AuditActor.Begin("cli: users add"))
        {
            var created = await scope.ServiceProvider.GetRequiredService<UserAdministration>().CreateAsync(form, password, CancellationToken.None);
            if (created.Id is null)
            {
                var reasons = created.AuthorityTaken ? ["That authority already has an account."] : created.Errors;
                error.WriteLine($"The user was not created: {string.Join(" ", reasons)}");
                return 1;
            }
        }

        output.WriteLine($"Created {role} user {email}.");
        if (generated)
        {
            output.WriteLine($"Generated password (shown once): {password}");
        }

        return 0;
    }

    private static Dictionary<string, string> ParseOptions(IEnumerable<string> words)
    {
        var options = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        using var e = words.GetEnumerator();
        while (e.MoveNext())
        {
            var word = e.Current;
            if (!word.StartsWith("--", StringComparison.Ordinal))
            {
                throw new UsageException($"Unexpected argument '{word}'.");
            }

            var name = word[2..];
            var eq = name.IndexOf('=', StringComparison.Ordinal);
            if (eq > 0)
            {
                options[name[..eq]] = name[(eq + 1)..];
            }
            else if (e.MoveNext())
            {
                options[name] = e.Current;
            }
            else
            {
                throw new UsageException($"Option --{name} needs a value.");
            }
        }

        return options;
    }

    private static string GeneratePassword()
    {
        const string alphabet = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        var builder = new StringBuilder();
        for (var i = 0; i < 20; i++)
        {
            builder.Append(alphabet[RandomNumberGenerator.GetInt32(alphabet.Length)]);
        }

        return builder.ToString();
    }

    private sealed class UsageException(string message) : Exception(message);
}
