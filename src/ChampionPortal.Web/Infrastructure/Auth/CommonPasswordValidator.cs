using System.Collections.Frozen;
using System.Text.Json;
using ChampionPortal.Web.Domain;
using ChampionPortal.Web.Infrastructure.Localization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;

namespace ChampionPortal.Web.Infrastructure.Auth;

/// <summary>
/// The passwords people choose first, from the list shipped beside the app (zxcvbn's 49,000 most common and
/// breached passwords). Loaded once; a missing list stops start-up rather than silently accepting anything.
/// </summary>
public sealed class CommonPasswords
{
    public const string RelativePath = "Security/common-passwords.json";
    private readonly FrozenSet<string> passwords;

    public CommonPasswords()
    {
        var path = Path.Combine(AppContext.BaseDirectory, RelativePath);
        if (!File.Exists(path))
        {
            throw new InvalidOperationException($"The list of common passwords is missing ({RelativePath} beside the app): build the web project, which restores it from package.json.");
        }

        using var stream = File.OpenRead(path);
        var list = JsonSerializer.Deserialize<string[]>(stream) ?? [];
        passwords = list.Select(p => p.ToLowerInvariant()).ToFrozenSet(StringComparer.Ordinal);
    }

    public int Count => passwords.Count;

    /// <summary>
    /// True for a listed password, and for a listed one dressed up with digits or symbols at its ends
    /// ("Password2024!"), which guessing tools try first.
    /// </summary>
    public bool IsCommon(string password)
    {
        var lower = password.ToLowerInvariant();
        if (passwords.Contains(lower))
        {
            return true;
        }

        var core = lower.Trim().Trim("0123456789!@#$%^&*()_-+=.,;:?¡¿ ".ToCharArray());
        return core.Length >= 4 && core.Length * 2 >= lower.Length && passwords.Contains(core);
    }
}

/// <summary>
/// Current guidance (NIST SP 800-63B): length over composition, and refuse passwords that are common, breached,
/// one repeated or sequential run, or made of the account's own name or address.
/// </summary>
public sealed class CommonPasswordValidator(CommonPasswords common, IStringLocalizer<SharedResources> text) : IPasswordValidator<PortalUser>
{
    public const int MaximumLength = 256;

    public Task<IdentityResult> ValidateAsync(UserManager<PortalUser> manager, PortalUser user, string? password)
    {
        if (string.IsNullOrEmpty(password))
        {
            return Task.FromResult(IdentityResult.Success);
        }

        if (password.Length > MaximumLength)
        {
            return Failed("PasswordTooLong", text["Password_TooLong", MaximumLength]);
        }

        if (common.IsCommon(password) || IsRunOfOneKind(password))
        {
            return Failed("PasswordCommon", text["Password_Common"]);
        }

        if (ContainsOwnDetails(password, user))
        {
            return Failed("PasswordPersonal", text["Password_Personal"]);
        }

        return Task.FromResult(IdentityResult.Success);
    }

    private static Task<IdentityResult> Failed(string code, string description) =>
        Task.FromResult(IdentityResult.Failed(new IdentityError { Code = code, Description = description }));

    // "aaaaaaaaaaaa", "123456789012", "abcdefghijkl": one character, or each one step from the last.
    private static bool IsRunOfOneKind(string password)
    {
        var distinct = password.Distinct().Count();
        if (distinct <= 2)
        {
            return true;
        }

        var steps = password.Zip(password.Skip(1), (a, b) => b - a).ToList();
        return steps.All(step => step is 1 or -1 || (step is -9 or 9));
    }

    private static bool ContainsOwnDetails(string password, PortalUser user)
    {
        var lower = password.ToLowerInvariant();
        var words = new List<string>();
        if (user.Email is { Length: > 0 } email)
        {
            words.Add(email.Split('@')[0]);
        }

        words.AddRange(user.FullName.Split(' ', StringSplitOptions.RemoveEmptyEntries));
        words.Add("champion");
        words.Add("portal");
        // Only words long enough to matter; a password that is mostly the person's own name or address is guessable.
        return words.Select(w => w.ToLowerInvariant()).Where(w => w.Length >= 4)
            .Any(w => lower.Contains(w, StringComparison.Ordinal) && w.Length * 2 >= lower.Length);
    }
}
