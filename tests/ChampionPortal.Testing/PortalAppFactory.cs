using ChampionPortal.Web.Data;
using ChampionPortal.Web.Domain;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ChampionPortal.Testing;

/// <summary>
/// The real portal on real Kestrel (a free loopback port) against its own PostgreSQL database. Tests talk to it
/// over HTTP with <see cref="PortalClient"/>, like a browser would.
/// </summary>
public class PortalAppFactory(string connectionString, string environment = "Testing", IReadOnlyDictionary<string, string?>? settings = null)
    : WebApplicationFactory<Program>
{
    public const string TestPassword = "Test-Password-2026";

    private readonly List<Action<IServiceCollection>> serviceOverrides = [];
    private int userCounter;

    public string ConnectionString { get; } = connectionString;

    public Uri BaseAddress { get; private set; } = null!;

    public void OverrideServices(Action<IServiceCollection> configure) => serviceOverrides.Add(configure);

    public void Start()
    {
        UseKestrel(0);
        StartServer();
        var address = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        BaseAddress = new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal).Replace("0.0.0.0", "127.0.0.1", StringComparison.Ordinal));
    }

    public PortalClient NewClient(string? acceptLanguage = "en") => new(BaseAddress, acceptLanguage);

    /// <summary>Creates an account directly in the database (the way an Administrator would) and returns its e-mail.</summary>
    public async Task<string> CreateUserAsync(string role, string? countryCode = null, int? authorityId = null, string language = "en")
    {
        var email = $"{role.ToLowerInvariant()}{Interlocked.Increment(ref userCounter)}-{Guid.NewGuid():N}@test.example.org";
        using var scope = Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var user = new PortalUser
        {
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            FullName = $"Test {role}",
            PreferredLanguage = language,
            CountryCode = countryCode,
            AuthorityId = authorityId,
        };
        var result = await users.CreateAsync(user, TestPassword);
        if (result.Succeeded)
        {
            result = await users.AddToRoleAsync(user, role);
        }

        return result.Succeeded ? email : throw new InvalidOperationException(string.Join(" ", result.Errors.Select(e => e.Description)));
    }

    /// <summary>A new account of the role, signed in on a new client whose browser asks for the same language.</summary>
    public async Task<PortalClient> SignedInClientAsync(string role, string? countryCode = null, string language = "en", int? authorityId = null)
    {
        var email = await CreateUserAsync(role, countryCode, authorityId, language);
        return await SignedInAsAsync(email, language);
    }

    /// <summary>A new client signed in as an existing account (each call gets a cookie issued just then).</summary>
    public async Task<PortalClient> SignedInAsAsync(string email, string language)
    {
        var client = NewClient(language);
        var response = await client.SignInAsync(email);
        return response.StatusCode == System.Net.HttpStatusCode.Redirect
            ? client
            : throw new InvalidOperationException($"Sign-in of {email} answered {(int)response.StatusCode}.");
    }

    /// <summary>
    /// Completes when the outbox dispatcher has handled <paramref name="count"/> messages with the given outcome:
    /// start waiting before the action that queues them.
    /// </summary>
    public Task<IReadOnlyList<long>> OutboxAttemptsAsync(int count, ChampionPortal.Web.Domain.OutboxStatus outcome = ChampionPortal.Web.Domain.OutboxStatus.Sent)
    {
        var events = Services.GetRequiredService<ChampionPortal.Web.Infrastructure.Email.OutboxEvents>();
        var seen = new List<long>();
        var done = new TaskCompletionSource<IReadOnlyList<long>>(TaskCreationOptions.RunContinuationsAsynchronously);
        void Handler(long id, ChampionPortal.Web.Domain.OutboxStatus status, string? error)
        {
            if (status != outcome)
            {
                return;
            }

            lock (seen)
            {
                seen.Add(id);
                if (seen.Count == count)
                {
                    events.Attempted -= Handler;
                    done.TrySetResult([.. seen]);
                }
            }
        }

        events.Attempted += Handler;
        return done.Task.WaitAsync(TimeSpan.FromSeconds(60));
    }

    /// <summary>
    /// Completes when no certificate issuance has items left to issue, woken by each item the given portals' workers
    /// handle (this one when none is named): the issuance runs in the background after the request that starts it.
    /// </summary>
    public async Task IssuancesFinishedAsync(params PortalAppFactory[] workers)
    {
        var handled = new SemaphoreSlim(0);
        void Handler(int issuance, IssuanceItemStatus status) => handled.Release();
        var sources = (workers.Length == 0 ? [this] : workers).Select(w => w.Services.GetRequiredService<ChampionPortal.Web.Features.Certificates.IssuanceEvents>()).ToList();
        sources.ForEach(e => e.Handled += Handler);
        try
        {
            var deadline = DateTime.UtcNow.AddSeconds(90);
            while (await WithDbAsync(db => db.CertificateIssuanceItems.AnyAsync(i => i.Status == IssuanceItemStatus.Pending)))
            {
                var left = deadline - DateTime.UtcNow;
                if (left <= TimeSpan.Zero || !await handled.WaitAsync(left))
                {
                    throw new TimeoutException("Certificate issuance did not finish within 90 seconds.");
                }
            }
        }
        finally
        {
            sources.ForEach(e => e.Handled -= Handler);
        }
    }

    /// <summary>Runs work against the portal's own database through its own service registration.</summary>
    public async Task<T> WithDbAsync<T>(Func<PortalDbContext, Task<T>> work)
    {
        using var scope = Services.CreateScope();
        return await work(scope.ServiceProvider.GetRequiredService<PortalDbContext>());
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(environment);
        builder.UseSetting("Database:Provider", "Postgres");
        builder.UseSetting("ConnectionStrings:Portal", ConnectionString);
        builder.UseSetting("Demo:SeedOnStart", "false");

        // Tests sign in many accounts from one address; the sign-in limit has a test of its own.
        builder.UseSetting("RateLimits:SignInPerMinute", "100000");
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(services =>
        {
            foreach (var configure in serviceOverrides)
            {
                configure(services);
            }
        });
    }
}
