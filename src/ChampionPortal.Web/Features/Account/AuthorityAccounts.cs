using ChampionPortal.Web.Data;
using ChampionPortal.Web.Domain;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace ChampionPortal.Web.Features.Account;

/// <summary>
/// The portal account of an authority, made when the person first needs one (answering an invitation, opening their
/// certificate's link): the Authority role, the person's address and language, no password until they choose one.
/// </summary>
public sealed class AuthorityAccounts(PortalDbContext db, UserManager<PortalUser> users, TimeProvider timeProvider)
{
    /// <summary>
    /// The address where the person chooses a password, making the account if there is none; null when the account
    /// already has a password, or when the address belongs to someone else's account (who signs in as usual).
    /// </summary>
    public async Task<string?> SetPasswordUrlAsync(Authority authority, CancellationToken cancellationToken = default)
    {
        var user = await db.Users.SingleOrDefaultAsync(u => u.AuthorityId == authority.Id, cancellationToken);
        if (user is null)
        {
            user = new PortalUser
            {
                UserName = authority.Email,
                Email = authority.Email,
                EmailConfirmed = true,
                FullName = authority.FullName,
                PreferredLanguage = authority.PreferredLanguage,
                AuthorityId = authority.Id,
                CreatedAtUtc = timeProvider.GetUtcNow().UtcDateTime,
            };
            var created = await users.CreateAsync(user);
            if (!created.Succeeded)
            {
                return null;
            }

            await users.AddToRoleAsync(user, Roles.Authority);
        }

        if (await users.HasPasswordAsync(user))
        {
            return null;
        }

        var token = await users.GeneratePasswordResetTokenAsync(user);
        return $"/account/reset-password?user={user.Id}&token={Uri.EscapeDataString(token)}";
    }

    /// <summary>Whether the person has an account they can sign in with.</summary>
    public Task<bool> HasPasswordAsync(int authorityId, CancellationToken cancellationToken = default) =>
        db.Users.AnyAsync(u => u.AuthorityId == authorityId && u.PasswordHash != null, cancellationToken);
}
