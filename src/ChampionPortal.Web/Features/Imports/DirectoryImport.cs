using System.ComponentModel.DataAnnotations;
using System.Security.Cryptography;
using System.Text.Json;
using ChampionPortal.Web.Data;
using ChampionPortal.Web.Domain;
using ChampionPortal.Web.Infrastructure.Auth;
using ChampionPortal.Web.Infrastructure.Localization;
using ChampionPortal.Web.Infrastructure.Tabular;
using Microsoft.EntityFrameworkCore;

namespace ChampionPortal.Web.Features.Imports;

/// <summary>
/// Imports authorities and local governments, all or nothing: a file is checked in full and previewed; only a
/// file without a single invalid row can be confirmed, and the confirmation applies it in one transaction after
/// checking it again against the data as it is then.
/// </summary>
public sealed class DirectoryImport(PortalDbContext db, TimeProvider timeProvider)
{
    private static readonly EmailAddressAttribute EmailFormat = new();

    public async Task<ImportPreview> PreviewAsync(IFormFile? file, int userId, CountryScope scope, CancellationToken cancellationToken = default)
    {
        var fileName = Path.GetFileName(file?.FileName ?? "");
        var (read, fileProblem) = await ImportFileReader.ReadAsync(file, cancellationToken);
        if (fileProblem is not null)
        {
            return new ImportPreview(null, fileName, [], [], [], [], [fileProblem]);
        }

        var example = read.FirstOrDefault(IsTemplateExample);
        var rows = example is null ? read : [.. read.Where(r => r != example)];
        if (rows.Count == 0)
        {
            return new ImportPreview(null, fileName, [], [], [], [], [new ImportProblem(null, "File_OnlyExample")]);
        }

        var plan = await PlanAsync(rows, scope, cancellationToken);
        if (plan.Problems.Count > 0)
        {
            return plan.ToPreview(null, fileName) with { ExampleRowSkipped = example?.RowNumber };
        }

        var batch = await db.StartImportBatchAsync(userId, rows, timeProvider.GetUtcNow().UtcDateTime, replaceUsersEarlier: true, cancellationToken);
        return plan.ToPreview(batch.Token, fileName) with { ExampleRowSkipped = example?.RowNumber };
    }

    private static bool IsTemplateExample(ImportRow row) =>
        SearchText.Email(row.Email) == SearchText.Email(DirectoryColumns.ExampleRow[5]) && SearchText.Key(row.AuthorityName) == SearchText.Key(DirectoryColumns.ExampleRow[3]);

    /// <summary>Applies a previewed file. Null when the batch is not this user's or has expired; otherwise the final plan.</summary>
    public async Task<ImportPreview?> CommitAsync(string token, int userId, CountryScope scope, CancellationToken cancellationToken = default)
    {
        var batch = await db.FindImportBatchAsync(token, userId, timeProvider.GetUtcNow().UtcDateTime, cancellationToken);
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
            await db.SaveChangesInBulkAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        return outcome;
    }

    private async Task<ImportPlan> PlanAsync(IReadOnlyList<ImportRow> rows, CountryScope scope, CancellationToken cancellationToken)
    {
        var countries = await db.Countries.Select(c => c.Code).ToListAsync(cancellationToken);
        var directory = await DirectoryIndex.LoadAsync(db, rows.Select(r => r.Email), rows.Select(r => r.CountryCode), cancellationToken);
        var plan = new ImportPlan(rows, directory);
        var firstRowOfEmail = new Dictionary<string, int>();
        foreach (var row in rows)
        {
            CheckRow(row, countries, scope, directory, firstRowOfEmail, plan.Problems);
        }

        return plan;
    }

    /// <summary>
    /// Checks the directory fields of one row (shared with the cohort register import); false when required fields
    /// are missing, so that the caller need not look further.
    /// </summary>
    public static bool CheckRow(
        ImportRow row, IReadOnlyCollection<string> countries, CountryScope scope, DirectoryIndex directory, Dictionary<string, int> firstRowOfEmail,
        List<ImportProblem> problems)
    {
        var missing = new[] { (row.CountryCode, "country_code"), (row.LocalGovernment, "local_government"), (row.AuthorityName, "authority_name"), (row.Position, "position"), (row.Email, "email") }
            .Where(f => string.IsNullOrWhiteSpace(f.Item1)).Select(f => f.Item2).ToList();
        if (missing.Count > 0)
        {
            problems.Add(new ImportProblem(row.RowNumber, "Row_Missing", string.Join(", ", missing)));
            return false;
        }

        if (!countries.Contains(row.CountryCode))
        {
            problems.Add(new ImportProblem(row.RowNumber, "Row_UnknownCountry", row.CountryCode));
        }
        else if (!scope.Allows(row.CountryCode))
        {
            problems.Add(new ImportProblem(row.RowNumber, "Row_OtherCountry", row.CountryCode));
        }

        var email = SearchText.Email(row.Email);
        if (!EmailFormat.IsValid(row.Email) || row.Email.Length > 256)
        {
            problems.Add(new ImportProblem(row.RowNumber, "Row_BadEmail", row.Email));
        }
        else if (firstRowOfEmail.TryGetValue(email, out var first))
        {
            problems.Add(new ImportProblem(row.RowNumber, "Row_DuplicateEmail", row.Email, first));
        }
        else
        {
            firstRowOfEmail[email] = row.RowNumber;
            if (directory.FindAuthority(row.Email) is { } existing && !scope.Allows(existing.CountryCode))
            {
                problems.Add(new ImportProblem(row.RowNumber, "Row_EmailOfOtherCountry", row.Email));
            }
        }

        if (row.PreferredLanguage is { } language && !PortalCultures.IsSupported(language))
        {
            problems.Add(new ImportProblem(row.RowNumber, "Row_UnsupportedLanguage", language));
        }

        if (row.LocalGovernmentKind is { } kind && !Enum.TryParse<LocalGovernmentKind>(kind, ignoreCase: true, out _))
        {
            problems.Add(new ImportProblem(row.RowNumber, "Row_UnknownKind", kind));
        }

        if (row.Gender is { } gender && !Enum.TryParse<GenderCategory>(gender, ignoreCase: true, out _))
        {
            problems.Add(new ImportProblem(row.RowNumber, "Row_UnknownGender", gender));
        }

        if (row.AuthorityName.Length > 200 || row.Position.Length > 200 || row.LocalGovernment.Length > 200 || row.Phone?.Length > 40)
        {
            problems.Add(new ImportProblem(row.RowNumber, "Row_TooLong"));
        }

        return true;
    }

    private void Apply(ImportPlan plan)
    {
        foreach (var row in plan.Rows)
        {
            ApplyRow(db, plan.Directory, row);
        }
    }

    /// <summary>Creates or updates the row's local government and person (shared with the cohort register import).</summary>
    public static Authority ApplyRow(PortalDbContext db, DirectoryIndex directory, ImportRow row)
    {
        var government = directory.EnsureGovernment(db, row.CountryCode, row.LocalGovernment);
        if (row.LocalGovernmentKind is { } kind)
        {
            government.Kind = Enum.Parse<LocalGovernmentKind>(kind, ignoreCase: true);
        }

        var authority = directory.EnsureAuthority(db, row.Email, row.AuthorityName, row.Position, government, row.PreferredLanguage);
        authority.Phone = row.Phone ?? authority.Phone;
        authority.Gender = row.Gender is { } gender ? Enum.Parse<GenderCategory>(gender, ignoreCase: true) : authority.Gender;
        return authority;
    }

    private sealed class ImportPlan(IReadOnlyList<ImportRow> rows, DirectoryIndex directory)
    {
        public IReadOnlyList<ImportRow> Rows { get; } = rows;
        public DirectoryIndex Directory { get; } = directory;
        public List<ImportProblem> Problems { get; } = [];

        public ImportPreview ToPreview(string? token, string fileName)
        {
            var people = Rows.DistinctBy(r => SearchText.Email(r.Email))
                .Select(r => (Known: Directory.HasAuthority(SearchText.Email(r.Email)), Name: $"{r.AuthorityName} ({r.CountryCode.Trim().ToUpperInvariant()})")).ToList();
            var governments = Rows.DistinctBy(r => (r.CountryCode.Trim().ToUpperInvariant(), SearchText.Key(r.LocalGovernment)))
                .Select(r => (Known: Directory.HasGovernment(r.CountryCode, r.LocalGovernment), Name: $"{r.LocalGovernment} ({r.CountryCode.Trim().ToUpperInvariant()})")).ToList();
            List<string> Names(IEnumerable<(bool Known, string Name)> items, bool known) =>
                [.. items.Where(i => i.Known == known).Select(i => i.Name).Order(StringComparer.CurrentCulture)];
            return new ImportPreview(
                token, fileName, Names(people, false), Names(people, true), Names(governments, false), Names(governments, true), [.. Problems.OrderBy(p => p.RowNumber)]);
        }
    }
}
