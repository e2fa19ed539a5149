using ChampionPortal.Web.Data;
using ChampionPortal.Web.Domain;
using ChampionPortal.Web.Features.Shared;
using ChampionPortal.Web.Infrastructure.Auth;
using ChampionPortal.Web.Infrastructure.Localization;
using ChampionPortal.Web.Infrastructure.Tabular;
using ChampionPortal.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace ChampionPortal.Web.Features.Authorities;

/// <summary>What is wrong with an authority form beyond its own fields, by field name.</summary>
public sealed record AuthorityFormProblems(bool EmailTaken, bool LocalGovernmentOutsideCountry, bool CountryOutOfScope)
{
    public bool Any => EmailTaken || LocalGovernmentOutsideCountry || CountryOutOfScope;
}

public sealed class AuthorityService(PortalDbContext db, CountryOptions countryOptions)
{
    public async Task<AuthorityListPage> ListAsync(AuthorityListQuery query, CountryScope scope, CancellationToken cancellationToken = default)
    {
        var results = await AuthorityListQueries.FirstPageOfOneCountryAsync(db, query, scope, cancellationToken)
            ?? await ListAnyAsync(query, scope, cancellationToken);
        return new AuthorityListPage(query, results, await countryOptions.ListAsync(scope, cancellationToken), scope.OnlyCountry is not null);
    }

    /// <summary>The authorities of the list's filters, without paging, in the import's columns.</summary>
    public async Task<Table> ExportAsync(AuthorityListQuery query, CountryScope scope, CancellationToken cancellationToken = default)
    {
        var rows = await Filter(query, scope).OrderBy(a => a.CountryCode).ThenBy(a => a.SearchKey)
            .Select(a => new { a.CountryCode, Government = a.LocalGovernment!.Name, Kind = (LocalGovernmentKind?)a.LocalGovernment.Kind, a.FullName, a.Position, a.Email, a.Phone, a.PreferredLanguage, a.Gender })
            .ToListAsync(cancellationToken);
        return new Table(
            DirectoryColumns.All,
            [.. rows.Select(r => (IReadOnlyList<string?>)[r.CountryCode, r.Government, r.Kind?.ToString(), r.FullName, r.Position, r.Email, r.Phone, r.PreferredLanguage, r.Gender.ToString()])]);
    }

    public Task<AuthorityDetails?> FindAsync(int id, CancellationToken cancellationToken = default) =>
        db.Authorities.AsNoTracking().Where(a => a.Id == id)
            .Select(a => new AuthorityDetails(
                a.Id, a.FullName, a.Position, a.Email, a.Phone, a.PreferredLanguage, a.Gender, a.GenderDescription,
                a.LocalGovernmentId, a.LocalGovernment!.Name, a.CountryCode, a.Country!.NameEn, a.Country.NameEs, a.Country.NamePt,
                db.Users.Any(u => u.AuthorityId == a.Id), a.Version)
            {
                HasRecords = db.Nominations.Any(n => n.AuthorityId == a.Id) || db.Invitations.Any(i => i.AuthorityId == a.Id)
                    || db.Attendances.Any(t => t.AuthorityId == a.Id) || db.Certificates.Any(c => c.AuthorityId == a.Id),
            })
            .SingleOrDefaultAsync(cancellationToken);

    public async Task<AuthorityEditor> EditorAsync(int? id, AuthorityForm form, CountryScope scope, CancellationToken cancellationToken = default)
    {
        var governments = scope.Apply(db.LocalGovernments.AsNoTracking())
            .OrderBy(l => l.CountryCode).ThenBy(l => l.SearchKey)
            .Select(l => new LocalGovernmentOption(l.Id, l.Name, l.CountryCode));
        return new AuthorityEditor(id, form, await countryOptions.ListAsync(scope, cancellationToken), await governments.ToListAsync(cancellationToken));
    }

    public static AuthorityForm NewForm(CountryScope scope) => new()
    {
        CountryCode = scope.OnlyCountry,
        PreferredLanguage = PortalCultures.ForCountry(scope.OnlyCountry),
        Gender = GenderCategory.PrefersNotToSay,
    };

    public static AuthorityForm FormFrom(AuthorityDetails details) => new()
    {
        FullName = details.FullName,
        Position = details.Position,
        Email = details.Email,
        Phone = details.Phone,
        PreferredLanguage = details.PreferredLanguage,
        Gender = details.Gender,
        GenderDescription = details.GenderDescription,
        CountryCode = details.CountryCode,
        LocalGovernmentId = details.LocalGovernmentId,
        Version = details.Version,
    };

    /// <summary>Checks what only the database knows: a unique e-mail, and a local government of the chosen, permitted country.</summary>
    public async Task<AuthorityFormProblems> CheckAsync(int? id, AuthorityForm form, CountryScope scope, CancellationToken cancellationToken = default)
    {
        var emailTaken = await db.Authorities.WithEmail(form.Email).AnyAsync(a => a.Id != id, cancellationToken);
        var governmentCountry = form.LocalGovernmentId is { } governmentId
            ? await db.LocalGovernments.Where(l => l.Id == governmentId).Select(l => l.CountryCode).SingleOrDefaultAsync(cancellationToken)
            : form.CountryCode;
        return new AuthorityFormProblems(
            emailTaken,
            governmentCountry != form.CountryCode,
            form.CountryCode is not null && !scope.Allows(form.CountryCode));
    }

    public async Task<int> CreateAsync(AuthorityForm form, CancellationToken cancellationToken = default)
    {
        var authority = new Authority { FullName = "", Position = "", Email = "", CountryCode = form.CountryCode! };
        Apply(authority, form);
        db.Authorities.Add(authority);
        await db.SaveChangesAsync(cancellationToken);
        return authority.Id;
    }

    public Task<SaveOutcome> UpdateAsync(int id, AuthorityForm form, CancellationToken cancellationToken = default) =>
        db.EditVersionedAsync<Authority>(a => a.Id == id, form.Version, authority => Apply(authority, form), cancellationToken);

    public Task<SaveOutcome> DeleteAsync(int id, int version, CancellationToken cancellationToken = default) =>
        db.DeleteVersionedAsync<Authority>(a => a.Id == id, version, () => db.Users.AnyAsync(u => u.AuthorityId == id, cancellationToken), cancellationToken);

    private Task<PagedList<AuthorityRow>> ListAnyAsync(AuthorityListQuery query, CountryScope scope, CancellationToken cancellationToken)
    {
        var authorities = Filter(query, scope);
        authorities = query.Sort switch
        {
            "-name" => authorities.OrderByDescending(a => a.SearchKey).ThenBy(a => a.Id),
            "position" => authorities.OrderBy(a => a.Position).ThenBy(a => a.SearchKey).ThenBy(a => a.Id),
            "-position" => authorities.OrderByDescending(a => a.Position).ThenBy(a => a.SearchKey).ThenBy(a => a.Id),
            "country" => authorities.OrderBy(a => a.CountryCode).ThenBy(a => a.SearchKey).ThenBy(a => a.Id),
            "-country" => authorities.OrderByDescending(a => a.CountryCode).ThenBy(a => a.SearchKey).ThenBy(a => a.Id),
            _ => authorities.OrderBy(a => a.SearchKey).ThenBy(a => a.Id),
        };
        return authorities.ToPagedListAsync(query, sorted => AuthorityListQueries.Rows(db, sorted), cancellationToken);
    }

    private IQueryable<Authority> Filter(AuthorityListQuery query, CountryScope scope)
    {
        var authorities = scope.Apply(db.Authorities.AsNoTracking());
        if (query.Q?.Trim() is { Length: > 0 } term)
        {
            // An e-mail address is looked up exactly; anything else by name, accents and case ignored.
            var key = SearchText.Compact(term);
            authorities = term.Contains('@', StringComparison.Ordinal)
                ? authorities.WithEmail(term)
                : authorities.Where(a => a.SearchKey.Replace(" ", "").Contains(key));
        }

        if (!string.IsNullOrEmpty(query.Country))
        {
            authorities = authorities.Where(a => a.CountryCode == query.Country);
        }

        if (query.LocalGovernment is { } government)
        {
            authorities = authorities.Where(a => a.LocalGovernmentId == government);
        }

        if (!string.IsNullOrEmpty(query.Language))
        {
            authorities = authorities.Where(a => a.PreferredLanguage == query.Language);
        }

        return authorities;
    }

    private static void Apply(Authority authority, AuthorityForm form)
    {
        authority.FullName = form.FullName!.Trim();
        authority.Position = form.Position!.Trim();
        authority.Email = form.Email!.Trim();
        authority.Phone = string.IsNullOrWhiteSpace(form.Phone) ? null : form.Phone.Trim();
        authority.PreferredLanguage = form.PreferredLanguage!;
        authority.Gender = form.Gender!.Value;
        authority.GenderDescription = form.Gender == GenderCategory.SelfDescribed ? form.GenderDescription?.Trim() : null;
        authority.CountryCode = form.CountryCode!;
        authority.LocalGovernmentId = form.LocalGovernmentId;
    }
}
