using System.ComponentModel.DataAnnotations;
using System.Security.Cryptography;
using System.Text.Json;
using ChampionPortal.Web.Data;
using ChampionPortal.Web.Domain;
using ChampionPortal.Web.Infrastructure.Auth;
using ChampionPortal.Web.Infrastructure.Localization;
using ChampionPortal.Web.Infrastructure.Text;
using Microsoft.EntityFrameworkCore;

namespace ChampionPortal.Web.Features.Imports;

/// <summary>
/// Imports authorities and local governments, all or nothing: a file is checked in full and previewed; only a
/// file without a single invalid row can be confirmed, and the confirmation applies it in one transaction after
/// checking it again against the data as it is then.
/// </summary>
public sealed class DirectoryImport(PortalDbContext db, TimeProvider timeProvider)
{
    private static readonly TimeSpan BatchLifetime = TimeSpan.FromHours(1);
    private static readonly EmailAddressAttribute EmailFormat = new();

    public async Task<ImportPreview> PreviewAsync(IFormFile? file, int userId, CountryScope scope, CancellationToken cancellationToken = default)
    {
        var fileName = Path.GetFileName(file?.FileName ?? "");
        var (rows, fileProblem) = await ImportFileReader.ReadAsync(file, cancellationToken);
        if (fileProblem is not null)
        {
            return new ImportPreview(null, fileName, 0, 0, 0, 0, [fileProblem]);
        }

        var plan = await PlanAsync(rows, scope, cancellationToken);
        if (plan.Problems.Count > 0)
        {
            return plan.ToPreview(null, fileName);
        }

        var token = Convert.ToHexString(RandomNumberGenerator.GetBytes(24));
        var now = timeProvider.GetUtcNow().UtcDateTime;
        await db.ImportBatches.Where(b => b.UserId == userId || b.CreatedAtUtc < now - BatchLifetime).ExecuteDeleteAsync(cancellationToken);
        db.ImportBatches.Add(new ImportBatch { Token = token, UserId = userId, RowsJson = JsonSerializer.Serialize(rows), CreatedAtUtc = now });
        await db.SaveChangesAsync(cancellationToken);
        return plan.ToPreview(token, fileName);
    }

    /// <summary>Applies a previewed file. Null when the batch is not this user's or has expired; otherwise the final plan.</summary>
    public async Task<ImportPreview?> CommitAsync(string token, int userId, CountryScope scope, CancellationToken cancellationToken = default)
    {
        var oldest = timeProvider.GetUtcNow().UtcDateTime - BatchLifetime;
        var batch = await db.ImportBatches.SingleOrDefaultAsync(b => b.Token == token && b.UserId == userId && b.CreatedAtUtc >= oldest, cancellationToken);
        if (batch is null)
        {
            return null;
        }

        var rows = JsonSerializer.Deserialize<List<ImportRow>>(batch.RowsJson) ?? [];
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var plan = await PlanAsync(rows, scope, cancellationToken);
        var outcome = plan.ToPreview(null, "");
        if (plan.Problems.Count == 0)
        {
            Apply(plan);
            db.ImportBatches.Remove(batch);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        return outcome;
    }

    private async Task<ImportPlan> PlanAsync(IReadOnlyList<ImportRow> rows, CountryScope scope, CancellationToken cancellationToken)
    {
        var countries = await db.Countries.Select(c => c.Code).ToListAsync(cancellationToken);
        var fileCountries = rows.Select(r => r.CountryCode).Distinct().ToList();
        var emails = rows.Select(r => SearchText.Email(r.Email)).Distinct().ToList();
        var authorities = await db.Authorities.Where(a => emails.Contains(a.EmailNormalized)).ToDictionaryAsync(a => a.EmailNormalized, cancellationToken);
        var governments = (await db.LocalGovernments.Where(l => fileCountries.Contains(l.CountryCode)).ToListAsync(cancellationToken))
            .GroupBy(l => (l.CountryCode, l.SearchKey)).ToDictionary(g => g.Key, g => g.First());
        var plan = new ImportPlan(rows, authorities, governments);
        var firstRowOfEmail = new Dictionary<string, int>();

        foreach (var row in rows)
        {
            var missing = new[] { (row.CountryCode, "country_code"), (row.LocalGovernment, "local_government"), (row.AuthorityName, "authority_name"), (row.Position, "position"), (row.Email, "email") }
                .Where(f => string.IsNullOrWhiteSpace(f.Item1)).Select(f => f.Item2).ToList();
            if (missing.Count > 0)
            {
                plan.Problems.Add(new ImportProblem(row.RowNumber, "Row_Missing", string.Join(", ", missing)));
                continue;
            }

            if (!countries.Contains(row.CountryCode))
            {
                plan.Problems.Add(new ImportProblem(row.RowNumber, "Row_UnknownCountry", row.CountryCode));
            }
            else if (!scope.Allows(row.CountryCode))
            {
                plan.Problems.Add(new ImportProblem(row.RowNumber, "Row_OtherCountry", row.CountryCode));
            }

            var email = SearchText.Email(row.Email);
            if (!EmailFormat.IsValid(row.Email) || row.Email.Length > 256)
            {
                plan.Problems.Add(new ImportProblem(row.RowNumber, "Row_BadEmail", row.Email));
            }
            else if (firstRowOfEmail.TryGetValue(email, out var first))
            {
                plan.Problems.Add(new ImportProblem(row.RowNumber, "Row_DuplicateEmail", row.Email, first));
            }
            else
            {
                firstRowOfEmail[email] = row.RowNumber;
                if (authorities.TryGetValue(email, out var existing) && !scope.Allows(existing.CountryCode))
                {
                    plan.Problems.Add(new ImportProblem(row.RowNumber, "Row_EmailOfOtherCountry", row.Email));
                }
            }

            if (row.PreferredLanguage is { } language && !PortalCultures.IsSupported(language))
            {
                plan.Problems.Add(new ImportProblem(row.RowNumber, "Row_UnsupportedLanguage", language));
            }

            if (row.LocalGovernmentKind is { } kind && !Enum.TryParse<LocalGovernmentKind>(kind, ignoreCase: true, out _))
            {
                plan.Problems.Add(new ImportProblem(row.RowNumber, "Row_UnknownKind", kind));
            }

            if (row.Gender is { } gender && !Enum.TryParse<GenderCategory>(gender, ignoreCase: true, out _))
            {
                plan.Problems.Add(new ImportProblem(row.RowNumber, "Row_UnknownGender", gender));
            }

            if (row.AuthorityName.Length > 200 || row.Position.Length > 200 || row.LocalGovernment.Length > 200 || row.Phone?.Length > 40)
            {
                plan.Problems.Add(new ImportProblem(row.RowNumber, "Row_TooLong"));
            }
        }

        return plan;
    }

    private void Apply(ImportPlan plan)
    {
        foreach (var row in plan.Rows)
        {
            var key = (row.CountryCode, SearchText.Key(row.LocalGovernment));
            if (!plan.Governments.TryGetValue(key, out var government))
            {
                government = new LocalGovernment { Name = row.LocalGovernment, CountryCode = row.CountryCode, TimeZone = CountryTimeZones.DefaultFor(row.CountryCode) };
                db.LocalGovernments.Add(government);
                plan.Governments[key] = government;
            }

            if (row.LocalGovernmentKind is { } kind)
            {
                government.Kind = Enum.Parse<LocalGovernmentKind>(kind, ignoreCase: true);
            }

            var email = SearchText.Email(row.Email);
            if (!plan.Authorities.TryGetValue(email, out var authority))
            {
                authority = new Authority
                {
                    FullName = row.AuthorityName,
                    Position = row.Position,
                    Email = row.Email,
                    CountryCode = row.CountryCode,
                    PreferredLanguage = row.CountryCode == "BR" ? "pt" : "es",
                };
                db.Authorities.Add(authority);
                plan.Authorities[email] = authority;
            }

            authority.FullName = row.AuthorityName;
            authority.Position = row.Position;
            authority.CountryCode = row.CountryCode;
            authority.LocalGovernment = government;
            authority.Phone = row.Phone ?? authority.Phone;
            authority.PreferredLanguage = row.PreferredLanguage ?? authority.PreferredLanguage;
            authority.Gender = row.Gender is { } gender ? Enum.Parse<GenderCategory>(gender, ignoreCase: true) : authority.Gender;
        }
    }

    private sealed class ImportPlan(
        IReadOnlyList<ImportRow> rows, Dictionary<string, Authority> authorities, Dictionary<(string CountryCode, string SearchKey), LocalGovernment> governments)
    {
        public IReadOnlyList<ImportRow> Rows { get; } = rows;
        public Dictionary<string, Authority> Authorities { get; } = authorities;
        public Dictionary<(string CountryCode, string SearchKey), LocalGovernment> Governments { get; } = governments;
        public List<ImportProblem> Problems { get; } = [];

        public ImportPreview ToPreview(string? token, string fileName)
        {
            var emails = Rows.Select(r => SearchText.Email(r.Email)).Distinct().ToList();
            var governmentKeys = Rows.Select(r => (r.CountryCode, SearchText.Key(r.LocalGovernment))).Distinct().ToList();
            var existingGovernments = governmentKeys.Count(k => Governments.TryGetValue(k, out var g) && g.Id != 0);
            var existingAuthorities = emails.Count(e => Authorities.TryGetValue(e, out var a) && a.Id != 0);
            return new ImportPreview(
                token, fileName, emails.Count - existingAuthorities, existingAuthorities, governmentKeys.Count - existingGovernments, existingGovernments,
                [.. Problems.OrderBy(p => p.RowNumber)]);
        }
    }
}
