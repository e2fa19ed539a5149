using System.Text.Json;
using ChampionPortal.Web.Data;
using ChampionPortal.Web.Domain;
using ChampionPortal.Web.Features.Attendance;
using ChampionPortal.Web.Features.Imports;
using ChampionPortal.Web.Infrastructure.Auth;
using ChampionPortal.Web.Infrastructure.Localization;
using ChampionPortal.Web.Infrastructure.Tabular;
using Microsoft.EntityFrameworkCore;

namespace ChampionPortal.Web.Features.RegisterImport;

/// <summary>
/// Backfills a cohort that ran before the portal from one register file: a row per person with the directory
/// columns and the invitation status, then one column per session code with present / absent / excused. It creates
/// or updates local governments, people, nominations (approved), invitations and attendance, all or nothing:
/// the file is checked in full and previewed, and applied in one transaction after a second check. Above the usual
/// size because the check and the application share one plan of the file, and reading them apart hides that the
/// second check is the first one run again.
/// </summary>
public sealed class CohortRegisterImport(PortalDbContext db, TimeProvider timeProvider)
{
    public const string InvitationStatusColumn = "invitation_status";

    public static readonly IReadOnlyList<string> PersonColumns =
    [
        DirectoryColumns.CountryCode, DirectoryColumns.LocalGovernment, DirectoryColumns.AuthorityName, DirectoryColumns.Position,
        DirectoryColumns.Email, DirectoryColumns.PreferredLanguage, InvitationStatusColumn,
    ];

    // Optional directory columns a register may also carry, so that breakdowns by kind and gender have data.
    private static readonly IReadOnlyList<string> OptionalColumns = [DirectoryColumns.LocalGovernmentKind, DirectoryColumns.Gender, DirectoryColumns.Phone];

    private static readonly Dictionary<string, InvitationStatus> InvitationWords = new(StringComparer.OrdinalIgnoreCase)
    {
        ["pending"] = InvitationStatus.Pending,
        ["sent"] = InvitationStatus.Sent,
        ["accepted"] = InvitationStatus.Accepted,
        ["declined"] = InvitationStatus.Declined,
        ["expired"] = InvitationStatus.Expired,
        ["enviada"] = InvitationStatus.Sent,
        ["aceptada"] = InvitationStatus.Accepted,
        ["aceita"] = InvitationStatus.Accepted,
        ["rechazada"] = InvitationStatus.Declined,
        ["recusada"] = InvitationStatus.Declined,
        ["vencida"] = InvitationStatus.Expired,
        ["expirada"] = InvitationStatus.Expired,
    };

    private static readonly Dictionary<string, AttendanceStatus> AttendanceWords = new(StringComparer.OrdinalIgnoreCase)
    {
        ["present"] = AttendanceStatus.Present,
        ["absent"] = AttendanceStatus.Absent,
        ["excused"] = AttendanceStatus.Excused,
        ["presente"] = AttendanceStatus.Present,
        ["ausente"] = AttendanceStatus.Absent,
        ["justificado"] = AttendanceStatus.Excused,
        ["justificada"] = AttendanceStatus.Excused,
        ["excusado"] = AttendanceStatus.Excused,
    };

    public Task<Cohort?> CohortAsync(int cohortId, CancellationToken cancellationToken = default) =>
        db.Cohorts.AsNoTracking().Include(c => c.Events).ThenInclude(e => e.Sessions).SingleOrDefaultAsync(c => c.Id == cohortId, cancellationToken);

    public async Task<Table?> TemplateAsync(int cohortId, CancellationToken cancellationToken = default)
    {
        if (await CohortAsync(cohortId, cancellationToken) is not { } cohort)
        {
            return null;
        }

        var codes = SessionCodes(cohort);
        return new Table(
            [.. PersonColumns, .. codes],
            [["AR", "Rosario", "María José Pérez", "Secretaria de Derechos Humanos", "maria.perez@example.org", "es", "accepted", .. codes.Select((_, i) => i == 0 ? "present" : "")]]);
    }

    public async Task<RegisterImportPreview?> PreviewAsync(int cohortId, IFormFile? file, int userId, CancellationToken cancellationToken = default)
    {
        if (await CohortAsync(cohortId, cancellationToken) is not { } cohort)
        {
            return null;
        }

        var fileName = Path.GetFileName(file?.FileName ?? "");
        var (table, fileProblem) = await ImportFileReader.ReadTableAsync(file, cancellationToken);
        var (rows, headerProblem) = fileProblem is null ? ReadRows(table, SessionCodes(cohort)) : ([], fileProblem);
        if (headerProblem is not null)
        {
            return Preview(cohort, null, fileName, null, [headerProblem]);
        }

        var plan = await PlanAsync(cohort, rows, cancellationToken);
        if (plan.Problems.Count > 0)
        {
            return Preview(cohort, null, fileName, plan, plan.Problems);
        }

        var batch = await db.StartImportBatchAsync(userId, rows, timeProvider.GetUtcNow().UtcDateTime, replaceUsersEarlier: false, cancellationToken);
        return Preview(cohort, batch.Token, fileName, plan, []);
    }

    /// <summary>Applies a previewed register. Null when the batch is not this user's or has expired; otherwise the final plan.</summary>
    public async Task<RegisterImportPreview?> CommitAsync(int cohortId, string token, int userId, CancellationToken cancellationToken = default)
    {
        var batch = await db.FindImportBatchAsync(token, userId, timeProvider.GetUtcNow().UtcDateTime, cancellationToken);
        if (batch is null || await CohortAsync(cohortId, cancellationToken) is not { } cohort)
        {
            return null;
        }

        var rows = JsonSerializer.Deserialize<List<CohortRegisterRow>>(batch.RowsJson) ?? [];
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var plan = await PlanAsync(cohort, rows, cancellationToken);
        var outcome = Preview(cohort, null, "", plan, plan.Problems);
        if (plan.Problems.Count == 0)
        {
            await ApplyAsync(cohort, plan, cancellationToken);
            db.ImportBatches.Remove(batch);
            await db.SaveChangesInBulkAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        return outcome;
    }

    private static List<string> SessionCodes(Cohort cohort) =>
        [.. cohort.Events.OrderBy(e => e.Kind).SelectMany(e => e.Sessions.OrderBy(s => s.StartsAtUtc)).Select(s => s.Code)];

    private static (List<CohortRegisterRow> Rows, ImportProblem? Problem) ReadRows(IReadOnlyList<RawRow> table, IReadOnlyList<string> sessionCodes)
    {
        var header = table[0].Cells.Select(h => h?.Trim() ?? "").ToList();
        var lower = header.Select(h => h.ToLowerInvariant()).ToList();
        var missing = PersonColumns.Where(c => !lower.Contains(c)).ToList();
        if (missing.Count > 0)
        {
            return ([], new ImportProblem(null, "File_MissingColumns", string.Join(", ", missing)));
        }

        var sessionOfColumn = header.Select(h => sessionCodes.FirstOrDefault(code => string.Equals(code, h, StringComparison.OrdinalIgnoreCase))).ToList();
        var unknown = header.Where((h, i) => sessionOfColumn[i] is null && !PersonColumns.Contains(lower[i]) && !OptionalColumns.Contains(lower[i])).ToList();
        if (unknown.Count > 0)
        {
            return ([], new ImportProblem(null, "Register_UnknownColumns", string.Join(", ", unknown), string.Join(", ", sessionCodes)));
        }

        var duplicated = lower.GroupBy(h => h).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        if (duplicated.Count > 0)
        {
            return ([], new ImportProblem(null, "Register_DuplicateColumns", string.Join(", ", duplicated)));
        }

        var rows = table.Skip(1).Select(row =>
        {
            string? Cell(int i) => i < row.Cells.Count ? row.Cells[i] : null;
            var values = lower.Select((name, i) => (name, value: Cell(i))).ToDictionary(p => p.name, p => p.value);
            var sessions = header.Select((_, i) => (code: sessionOfColumn[i], value: Cell(i)))
                .Where(p => p.code is not null && p.value is not null).ToDictionary(p => p.code!, p => p.value!.Trim());
            return new CohortRegisterRow(ImportFileReader.ToRow(row.Number, values), values[InvitationStatusColumn]?.Trim(), sessions);
        }).ToList();
        return (rows, rows.Count == 0 ? new ImportProblem(null, "File_NoRows") : null);
    }

    private async Task<RegisterPlan> PlanAsync(Cohort cohort, IReadOnlyList<CohortRegisterRow> rows, CancellationToken cancellationToken)
    {
        var countries = await db.Countries.Select(c => c.Code).ToListAsync(cancellationToken);
        var directory = await DirectoryIndex.LoadAsync(db, rows.Select(r => r.Person.Email), rows.Select(r => r.Person.CountryCode), cancellationToken);
        var invited = await db.Invitations.Where(i => i.CohortId == cohort.Id).Select(i => i.Authority!.EmailNormalized).ToListAsync(cancellationToken);
        var plan = new RegisterPlan(rows, directory, invited.ToHashSet());
        var firstRowOfEmail = new Dictionary<string, int>();
        foreach (var row in rows)
        {
            if (!DirectoryImport.CheckRow(row.Person, countries, CountryScope.AllCountries, directory, firstRowOfEmail, plan.Problems))
            {
                continue;
            }

            if (row.InvitationStatus is { } status && !InvitationWords.ContainsKey(status))
            {
                plan.Problems.Add(new ImportProblem(row.Person.RowNumber, "Register_BadInvitationStatus", status));
            }
            else if (row.InvitationStatus is null && !plan.Invited.Contains(SearchText.Email(row.Person.Email)))
            {
                plan.Problems.Add(new ImportProblem(row.Person.RowNumber, "Register_NotInCohort", row.Person.Email));
            }

            foreach (var (code, value) in row.Sessions.Where(s => !AttendanceWords.ContainsKey(s.Value)))
            {
                plan.Problems.Add(new ImportProblem(row.Person.RowNumber, "Register_BadAttendance", value, code));
            }
        }

        return plan;
    }

    private async Task ApplyAsync(Cohort cohort, RegisterPlan plan, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow().UtcDateTime;
        var people = plan.Rows.Select(row => (Row: row, Authority: DirectoryImport.ApplyRow(db, plan.Directory, row.Person))).ToList();

        // People and places first: nominations, invitations and attendance refer to them by key.
        await db.SaveChangesInBulkAsync(cancellationToken);
        var ids = people.Select(p => p.Authority.Id).ToList();
        var nominations = await db.Nominations.Where(n => n.CohortId == cohort.Id && ids.Contains(n.AuthorityId)).ToDictionaryAsync(n => n.AuthorityId, cancellationToken);
        var invitations = await db.Invitations.Where(i => i.CohortId == cohort.Id && ids.Contains(i.AuthorityId)).ToDictionaryAsync(i => i.AuthorityId, cancellationToken);
        var startedAt = cohort.StartDate.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        foreach (var (row, authority) in people.Where(p => p.Row.InvitationStatus is not null))
        {
            if (!nominations.TryGetValue(authority.Id, out var nomination))
            {
                // No criterion rows: a register says nothing of the criteria, and a criterion without a row is not met.
                nomination = new Nomination
                {
                    CohortId = cohort.Id,
                    AuthorityId = authority.Id,
                    CountryCode = authority.CountryCode,
                    Justification = "Recorded from the cohort register.",
                    CreatedAtUtc = now,
                };
                db.Nominations.Add(nomination);
                nominations[authority.Id] = nomination;
            }

            nomination.LocalGovernmentId = authority.LocalGovernmentId;
            nomination.Status = NominationStatus.Approved;
            nomination.SubmittedAtUtc ??= startedAt;
            nomination.ReviewedAtUtc ??= startedAt;
        }

        await db.SaveChangesInBulkAsync(cancellationToken);
        foreach (var (row, authority) in people.Where(p => p.Row.InvitationStatus is not null))
        {
            var status = InvitationWords[row.InvitationStatus!];
            if (!invitations.TryGetValue(authority.Id, out var invitation))
            {
                invitation = new Invitation
                {
                    CohortId = cohort.Id,
                    NominationId = nominations[authority.Id].Id,
                    AuthorityId = authority.Id,
                    CountryCode = authority.CountryCode,
                    SentAtUtc = startedAt,
                    ExpiresAtUtc = startedAt,
                };
                db.Invitations.Add(invitation);
            }

            invitation.Status = status;
            invitation.AnsweredAtUtc = status is InvitationStatus.Accepted or InvitationStatus.Declined ? invitation.AnsweredAtUtc ?? startedAt : null;
        }

        var sessions = cohort.Events.SelectMany(e => e.Sessions).ToDictionary(s => s.Code, StringComparer.OrdinalIgnoreCase);
        var sessionIds = sessions.Values.Select(s => s.Id).ToList();
        var marks = (await db.Attendances.Where(a => sessionIds.Contains(a.SessionId) && ids.Contains(a.AuthorityId)).ToListAsync(cancellationToken))
            .GroupBy(a => a.SessionId).ToDictionary(g => g.Key, g => g.ToDictionary(a => a.AuthorityId));
        foreach (var session in sessions.Values)
        {
            var book = new AttendanceMarks(db, cohort.Id, session.Id, marks.GetValueOrDefault(session.Id) ?? [], now);
            foreach (var (row, authority) in people.Where(p => p.Row.Sessions.ContainsKey(session.Code)))
            {
                book.Mark(authority.Id, AttendanceWords[row.Sessions[session.Code]], authority.LocalGovernment, authority.CountryCode, AttendanceSource.Import);
            }
        }
    }

    private static RegisterImportPreview Preview(Cohort cohort, string? token, string fileName, RegisterPlan? plan, IReadOnlyList<ImportProblem> problems)
    {
        var rows = plan?.Rows ?? [];
        var emails = rows.Select(r => SearchText.Email(r.Person.Email)).Distinct().ToList();
        var existing = emails.Count(e => plan!.Directory.HasAuthority(e));
        var governments = rows.Select(r => (r.Person.CountryCode, r.Person.LocalGovernment)).DistinctBy(g => (g.CountryCode, SearchText.Key(g.LocalGovernment))).ToList();
        var newGovernments = governments.Count(g => !plan!.Directory.HasGovernment(g.CountryCode, g.LocalGovernment));
        var withStatus = rows.Where(r => r.InvitationStatus is not null).Select(r => SearchText.Email(r.Person.Email)).Distinct().ToList();
        var invitationsToUpdate = withStatus.Count(e => plan!.Invited.Contains(e));
        var present = SessionCodes(cohort).ToDictionary(
            code => code,
            code => rows.Count(r => r.Sessions.TryGetValue(code, out var v) && AttendanceWords.TryGetValue(v, out var s) && s == AttendanceStatus.Present));
        return new RegisterImportPreview(
            cohort.Id, PortalCultures.Pick(cohort.Name, cohort.NameEs, cohort.NamePt), token, fileName, emails.Count - existing, existing, newGovernments, withStatus.Count - invitationsToUpdate, invitationsToUpdate,
            present, [.. problems.OrderBy(p => p.RowNumber)]);
    }

    private sealed class RegisterPlan(IReadOnlyList<CohortRegisterRow> rows, DirectoryIndex directory, HashSet<string> invited)
    {
        public IReadOnlyList<CohortRegisterRow> Rows { get; } = rows;
        public DirectoryIndex Directory { get; } = directory;
        public HashSet<string> Invited { get; } = invited;
        public List<ImportProblem> Problems { get; } = [];
    }
}
