using System.Net;
using ChampionPortal.Testing;
using ChampionPortal.Web.Domain;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace ChampionPortal.Tests.Account;

/// <summary>A portal that allows three sign-in attempts a minute per address, so that the limit shows in a short test.</summary>
public sealed class StrictSignInFixture : PortalFixture
{
    protected override PortalAppFactory CreateFactory(string connectionString) =>
        new(connectionString, settings: new Dictionary<string, string?> { ["RateLimits:SignInPerMinute"] = "3" });
}

public sealed class SignInProtectionTests(StrictSignInFixture fixture) : IClassFixture<StrictSignInFixture>
{
    [Fact]
    public async Task Sign_in_says_the_same_for_an_unknown_address_and_a_wrong_password_and_too_many_attempts_get_429_in_the_readers_language()
    {
        var known = await fixture.App.CreateUserAsync(Roles.RegionalStaff);
        using var client = fixture.App.NewClient("es");

        var (_, wrongPassword) = await SignInAsync(client, known, "Not-The-Password-1");
        var (_, unknownAddress) = await SignInAsync(client, "nobody@test.example.org", "Not-The-Password-1");
        Message(wrongPassword).Should().NotBeEmpty().And.Be(Message(unknownAddress), "nobody learns which addresses have accounts");

        await SignInAsync(client, known, "Not-The-Password-2");
        var (limited, page) = await SignInAsync(client, known, PortalAppFactory.TestPassword);
        limited.StatusCode.Should().Be(HttpStatusCode.TooManyRequests, "the fourth attempt within a minute from one address");
        page.QuerySelector("h1")!.TextContent.Should().Be("Demasiadas solicitudes", "the page is in the reader's language");
    }

    private static async Task<(HttpResponseMessage Response, AngleSharp.Dom.IDocument Page)> SignInAsync(PortalClient client, string email, string password)
    {
        var (_, form) = await client.GetPageAsync("/account/sign-in");
        return await client.SubmitAsync(form, new Dictionary<string, string?> { ["Email"] = email, ["Password"] = password });
    }

    private static string Message(AngleSharp.Dom.IDocument page) =>
        page.QuerySelector("[data-testid=validation-summary]")?.TextContent.Trim() ?? "";
}

/// <summary>The portal's own password hasher, counting the passwords it checks.</summary>
public sealed class CountingPasswordHasher : IPasswordHasher<PortalUser>
{
    private readonly PasswordHasher<PortalUser> hasher = new();
    private int checks;

    public int Checks => Volatile.Read(ref checks);

    public string HashPassword(PortalUser user, string password) => hasher.HashPassword(user, password);

    public PasswordVerificationResult VerifyHashedPassword(PortalUser user, string hashedPassword, string providedPassword)
    {
        Interlocked.Increment(ref checks);
        return hasher.VerifyHashedPassword(user, hashedPassword, providedPassword);
    }
}

/// <summary>A portal whose password checks are counted, and whose rate limit leaves room for a lockout's ten attempts.</summary>
public sealed class CountedHashingFixture : PortalFixture
{
    public CountingPasswordHasher Hasher { get; } = new();

    protected override PortalAppFactory CreateFactory(string connectionString)
    {
        var factory = new PortalAppFactory(connectionString, settings: new Dictionary<string, string?> { ["RateLimits:SignInPerMinute"] = "100" });
        factory.OverrideServices(services => services.AddScoped<IPasswordHasher<PortalUser>>(_ => Hasher));
        return factory;
    }
}

public sealed class AccountExistenceTests(CountedHashingFixture fixture) : IClassFixture<CountedHashingFixture>
{
    [Fact]
    public async Task An_unknown_address_costs_the_same_password_check_and_gets_the_same_words_as_an_account_before_and_after_its_lockout()
    {
        var known = await fixture.App.CreateUserAsync(Roles.RegionalStaff);
        var unknown = $"nobody-{Guid.NewGuid():N}@test.example.org";
        using var client = fixture.App.NewClient("pt");

        for (var attempt = 1; attempt <= 11; attempt++)
        {
            var before = fixture.Hasher.Checks;
            var toKnown = await FailedSignInAsync(client, known);
            (fixture.Hasher.Checks - before).Should().Be(1, $"attempt {attempt} on the account checks one password (locked or not)");
            before = fixture.Hasher.Checks;
            var toUnknown = await FailedSignInAsync(client, unknown);
            (fixture.Hasher.Checks - before).Should().Be(1, $"attempt {attempt} on an unknown address checks one password too");
            toKnown.Should().Be(toUnknown, $"attempt {attempt} says the same whether the account exists or not");
            toKnown.Should().Be("O endereço de e-mail ou a senha não estão corretos. Após 10 tentativas sem sucesso, uma conta fica bloqueada por 15 minutos; “Esqueceu sua senha?” a desbloqueia na hora.");
        }

        // Locked: even the right password is refused, in the same words.
        var (_, form) = await client.GetPageAsync("/account/sign-in");
        var (response, page) = await client.SubmitAsync(form, new Dictionary<string, string?> { ["Email"] = known, ["Password"] = PortalAppFactory.TestPassword });
        response.StatusCode.Should().Be(HttpStatusCode.OK, "a locked account is not signed in");
        page.QuerySelector("[data-testid=validation-summary] li")!.TextContent.Trim().Should().StartWith("O endereço de e-mail ou a senha não estão corretos.");
    }

    private static async Task<string> FailedSignInAsync(PortalClient client, string email)
    {
        var (_, form) = await client.GetPageAsync("/account/sign-in");
        var (response, page) = await client.SubmitAsync(form, new Dictionary<string, string?> { ["Email"] = email, ["Password"] = "Not-The-Password-1" });
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        return page.QuerySelector("[data-testid=validation-summary] li")!.TextContent.Trim();
    }
}
