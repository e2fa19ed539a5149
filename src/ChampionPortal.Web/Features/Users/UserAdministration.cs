using ChampionPortal.Web.Data;
using ChampionPortal.Web.Domain;
using ChampionPortal.Web.Features.Account;
using ChampionPortal.Web.Features.Shared;
using ChampionPortal.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace ChampionPortal.Web.Features.Users;

public enum UserAction
{
    Deactivate,
    Reactivate,
    ResetLockout,
    SendPasswordLink,
}

public sealed record NewUserResult(int? Id, bool AuthorityTaken, IReadOnlyList<string> Errors);

/// <summary>Administrators' management of accounts. Every change goes through Identity and so into the audit trail.</summary>
public sealed class UserAdministration(
    PortalDbContext db, UserManager<PortalUser> users, CountryOptions countryOptions, PasswordLinkSender passwordLinks, TimeProvider timeProvider)
{
    public async Task<UserListPage> ListAsync(UserListQuery query, CancellationToken cancellationToken = default)
    {
        var now = timeProvider.GetUtcNow();
        var accounts = db.Users.AsNoTracking();
        if (query.Q?.Trim() is { Length: > 0 } term)
        {
            var upper = term.ToUpperInvariant();
            accounts = accounts.Where(u => u.NormalizedEmail!.Contains(upper) || u.FullName.ToUpper().Contains(upper));
        }

        if (!string.IsNullOrEmpty(query.Role))
        {
            var normalizedRole = query.Role.ToUpperInvariant();
            accounts = accounts.Where(u => db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && r.NormalizedName == normalizedRole)));
        }

        accounts = query.Status switch
        {
            UserStatusFilter.Active => accounts.Where(u => u.IsActive),
            UserStatusFilter.Inactive => accounts.Where(u => !u.IsActive),
            UserStatusFilter.LockedOut => accounts.Where(u => u.LockoutEnd != null && u.LockoutEnd > now),
            _ => accounts,
        };
        accounts = query.Sort switch
        {
            "-email" => accounts.OrderByDescending(u => u.NormalizedEmail),
            "name" => accounts.OrderBy(u => u.FullName).ThenBy(u => u.Id),
            "-name" => accounts.OrderByDescending(u => u.FullName).ThenBy(u => u.Id),
            _ => accounts.OrderBy(u => u.NormalizedEmail),
        };
        var results = await accounts.ToPagedListAsync(query, page => page.Select(u => new UserRow(
            u.Id, u.Email!, u.FullName,
            db.UserRoles.Where(ur => ur.UserId == u.Id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => r.Name).FirstOrDefault(),
            u.CountryCode,
            db.Authorities.Where(a => a.Id == u.AuthorityId).Select(a => a.FullName).FirstOrDefault(),
            u.IsActive,
            u.LockoutEnd != null && u.LockoutEnd > now)), cancellationToken);
        return new UserListPage(query, results);
    }

    public Task<UserDetails?> FindAsync(int id, CancellationToken cancellationToken = default) =>
        db.Users.AsNoTracking().Where(u => u.Id == id)
            .Select(u => new UserDetails(
                u.Id, u.Email!, u.FullName,
                db.UserRoles.Where(ur => ur.UserId == u.Id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => r.Name).FirstOrDefault(),
                u.CountryCode, u.AuthorityId, db.Authorities.Where(a => a.Id == u.AuthorityId).Select(a => a.FullName).FirstOrDefault(),
                u.PreferredLanguage, u.IsActive, u.LockoutEnd, u.AccessFailedCount, u.CreatedAtUtc))
            .SingleOrDefaultAsync(cancellationToken);

    public async Task<NewUserEditor> EditorAsync(NewUserForm form, CancellationToken cancellationToken = default)
    {
        var withoutAccount = await db.Authorities.AsNoTracking()
            .Where(a => !db.Users.Any(u => u.AuthorityId == a.Id))
            .OrderBy(a => a.CountryCode).ThenBy(a => a.SearchKey)
            .Select(a => new AuthorityOption(a.Id, a.FullName, a.CountryCode))
            .ToListAsync(cancellationToken);
        return new NewUserEditor(form, await countryOptions.ListAsync(CountryScope.AllCountries, cancellationToken), withoutAccount);
    }

    /// <summary>Creates the account without a password and e-mails the person a link to choose one.</summary>
    public Task<NewUserResult> CreateAsync(NewUserForm form, CancellationToken cancellationToken = default) => CreateAsync(form, null, cancellationToken);

    /// <summary>
    /// Creates the account with the checks every new account passes (one account per authority, Identity's rules for
    /// the address and the password). With a password (the operator's command for the first administrator, who has no
    /// mailbox the portal can reach yet) the account opens with it and no link is sent.
    /// </summary>
    public async Task<NewUserResult> CreateAsync(NewUserForm form, string? password, CancellationToken cancellationToken)
    {
        if (form.Role == Roles.Authority && await db.Users.AnyAsync(u => u.AuthorityId == form.AuthorityId, cancellationToken))
        {
            return new NewUserResult(null, AuthorityTaken: true, []);
        }

        var user = new PortalUser
        {
            UserName = form.Email!.Trim(),
            Email = form.Email.Trim(),
            EmailConfirmed = true,
            FullName = form.FullName!.Trim(),
            PreferredLanguage = form.PreferredLanguage!,
            CountryCode = form.Role == Roles.CountryOffice ? form.CountryCode : null,
            AuthorityId = form.Role == Roles.Authority ? form.AuthorityId : null,
            CreatedAtUtc = timeProvider.GetUtcNow().UtcDateTime,
        };
        var result = password is null ? await users.CreateAsync(user) : await users.CreateAsync(user, password);
        if (result.Succeeded)
        {
            result = await users.AddToRoleAsync(user, form.Role!);
        }

        if (!result.Succeeded)
        {
            return new NewUserResult(null, AuthorityTaken: false, [.. result.Errors.Select(e => e.Description)]);
        }

        if (password is null)
        {
            await passwordLinks.SendAsync(user, newAccount: true, cancellationToken);
        }

        return new NewUserResult(user.Id, AuthorityTaken: false, []);
    }

    /// <summary>False when the record does not exist or the action does not apply (such as an administrator deactivating themself).</summary>
    public async Task<bool> ApplyAsync(int id, UserAction action, int actingUserId, CancellationToken cancellationToken = default)
    {
        var user = await users.FindByIdAsync(id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (user is null || action == UserAction.Deactivate && id == actingUserId)
        {
            return false;
        }

        switch (action)
        {
            case UserAction.Deactivate:
                user.IsActive = false;
                await users.UpdateAsync(user);

                // A new stamp ends the account's open sessions at their next check.
                await users.UpdateSecurityStampAsync(user);
                break;
            case UserAction.Reactivate:
                user.IsActive = true;
                await users.UpdateAsync(user);
                break;
            case UserAction.ResetLockout:
                await users.SetLockoutEndDateAsync(user, null);
                await users.ResetAccessFailedCountAsync(user);
                break;
            case UserAction.SendPasswordLink:
                if (!user.IsActive)
                {
                    return false;
                }

                await passwordLinks.SendAsync(user, newAccount: !await users.HasPasswordAsync(user), cancellationToken);
                break;
        }

        return true;
    }
}
