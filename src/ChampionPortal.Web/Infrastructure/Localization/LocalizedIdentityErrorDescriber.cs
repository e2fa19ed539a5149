using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;

namespace ChampionPortal.Web.Infrastructure.Localization;

/// <summary>Identity's messages (password rules, expired links, taken addresses) in the reader's language.</summary>
public sealed class LocalizedIdentityErrorDescriber(IStringLocalizer<SharedResources> text) : IdentityErrorDescriber
{
    public override IdentityError DefaultError() => Error(nameof(DefaultError), text["Identity_DefaultError"]);

    public override IdentityError PasswordMismatch() => Error(nameof(PasswordMismatch), text["Identity_PasswordMismatch"]);

    public override IdentityError InvalidToken() => Error(nameof(InvalidToken), text["Identity_InvalidToken"]);

    public override IdentityError PasswordTooShort(int length) => Error(nameof(PasswordTooShort), text["Identity_PasswordTooShort", length]);

    public override IdentityError DuplicateEmail(string email) => Error(nameof(DuplicateEmail), text["Identity_DuplicateEmail", email]);

    public override IdentityError DuplicateUserName(string userName) => Error(nameof(DuplicateUserName), text["Identity_DuplicateEmail", userName]);

    public override IdentityError InvalidEmail(string? email) => Error(nameof(InvalidEmail), text["Identity_InvalidEmail", email ?? ""]);

    public override IdentityError InvalidUserName(string? userName) => Error(nameof(InvalidUserName), text["Identity_InvalidEmail", userName ?? ""]);

    public override IdentityError ConcurrencyFailure() => Error(nameof(ConcurrencyFailure), text["Identity_DefaultError"]);

    private static IdentityError Error(string code, string description) => new() { Code = code, Description = description };
}
