namespace ChampionPortal.Web.Features.Emails;

/// <summary>Marker for the e-mails' resource files (EmailsResources.resx, .es.resx, .pt.resx).</summary>
public sealed class EmailsResources;

/// <summary>A link that lets the recipient choose a password: after "forgot password", or for a new account.</summary>
public sealed record PasswordLinkEmail(string RecipientName, string Link, int ValidForHours, bool NewAccount);
