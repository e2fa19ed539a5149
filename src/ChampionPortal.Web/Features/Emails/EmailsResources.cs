namespace ChampionPortal.Web.Features.Emails;

/// <summary>Marker for the e-mails' resource files (EmailsResources.resx, .es.resx, .pt.resx).</summary>
public sealed class EmailsResources;

/// <summary>A link that lets the recipient choose a password: after "forgot password", or for a new account.</summary>
public sealed record PasswordLinkEmail(string RecipientName, string Link, int ValidForHours, bool NewAccount);

/// <summary>A country office told of the review of its nominations.</summary>
public sealed record NominationsReviewedEmail(string RecipientName, bool Approved, IReadOnlyList<string> Names, string? Comment, string Link);

public enum AccountNoticeKind
{
    /// <summary>The link that opens two-factor set-up once the grace period is over.</summary>
    TwoFactorLink,

    /// <summary>Two-factor sign-in was turned on: the owner hears of every enrolment.</summary>
    TwoFactorEnabled,

    /// <summary>A recovery code was used to sign in.</summary>
    RecoveryCodeUsed,
}

/// <summary>A message about the security of the recipient's own account; <see cref="Link"/> only for <see cref="AccountNoticeKind.TwoFactorLink"/>.</summary>
public sealed record AccountNoticeEmail(string RecipientName, AccountNoticeKind Kind, string? Link, int ValidForHours);
