using System.Security.Cryptography;
using System.Text.Json;
using ChampionPortal.Web.Data;
using ChampionPortal.Web.Domain;
using ChampionPortal.Web.Features.Attendance;
using ChampionPortal.Web.Features.Imports;
using ChampionPortal.Web.Infrastructure.Text;
using Microsoft.EntityFrameworkCore;

namespace ChampionPortal.Web.Features.ParticipantReports;

/// <summary>
/// Reconciles a virtual session's participant report with the register: adds up each person's minutes, matches
/// people to invitees by e-mail and then by name, and proposes present or absent against the minimum share of
/// the session's length. The file waits in the database (not in memory, so any instance may take the next step)
/// until staff confirm; nothing is recorded before.
/// </summary>
public sealed class ReportReconciliation(PortalDbContext db, AttendanceService attendance, TimeProvider timeProvider)
{
    public async Task<ReportStep?> UploadAsync(int sessionId, IFormFile? file, int minimumSharePercent, int userId, CancellationToken cancellationToken = default)
    {
        if (await attendance.SessionAsync(sessionId, cancellationToken) is not { } session)
        {
            return null;
        }

        if (session.StartsAtUtc > timeProvider.GetUtcNow().UtcDateTime)
        {
            return new ReportRefused(session, [new ImportProblem(null, "Report_NotHeldYet", ZonedTime.ToLocal(session.StartsAtUtc, session.TimeZone))]);
        }

        var (rows, problem) = await ImportFileReader.ReadTableAsync(file, cancellationToken);
        if (problem is not null)
        {
            return new ReportRefused(session, [problem]);
        }

        var recognized = ParticipantReport.Recognize(rows);
        var (headerIndex, columns) = recognized is { } r ? (r.HeaderIndex, r.Columns) : (0, await RememberedColumnsAsync(rows[0], cancellationToken));
        var stored = new StoredReport(sessionId, Path.GetFileName(file!.FileName), Math.Clamp(minimumSharePercent, 1, 100), rows, columns is null ? null : headerIndex, columns);
        var batch = await db.StartImportBatchAsync(userId, stored, timeProvider.GetUtcNow().UtcDateTime, replaceUsersEarlier: false, cancellationToken);
        return await StepAsync(session, batch.Token, stored, cancellationToken);
    }

    /// <summary>Applies the columns staff chose for an unknown header, and remembers them for reports with the same header.</summary>
    public async Task<(ReportStep? Step, string? Error)> MapColumnsAsync(int sessionId, string token, ColumnMappingForm form, int userId, CancellationToken cancellationToken = default)
    {
        if (await LoadAsync(sessionId, token, userId, cancellationToken) is not { } loaded)
        {
            return (null, null);
        }

        var (session, batch, stored) = loaded;
        var header = stored.Rows[0].Cells;
        var chosen = new[] { form.NameColumn, form.EmailColumn, form.JoinColumn, form.LeaveColumn, form.DurationColumn }.OfType<int>().ToList();
        var columns = form.NameColumn is { } name ? new ReportColumns(name, form.EmailColumn, form.JoinColumn, form.LeaveColumn, form.DurationColumn) : null;
        var error = columns is null ? "Mapping_NameRequired"
            : !columns.IsComplete ? "Mapping_TimesRequired"
            : chosen.Distinct().Count() != chosen.Count || chosen.Any(c => c < 0 || c >= header.Count) ? "Mapping_Distinct"
            : null;
        if (error is not null)
        {
            return (new ReportNeedsMapping(MappingPage(session, token, stored)), error);
        }

        string? Column(int? index) => index is { } i ? header[i] ?? "" : null;
        var signature = ParticipantReport.Signature(header);
        var mapping = await db.ReportColumnMappings.SingleOrDefaultAsync(m => m.HeaderSignature == signature, cancellationToken);
        if (mapping is null)
        {
            mapping = new ReportColumnMapping { HeaderSignature = signature, NameColumn = "" };
            db.ReportColumnMappings.Add(mapping);
        }

        mapping.NameColumn = Column(columns!.Name)!;
        mapping.EmailColumn = Column(columns.Email);
        mapping.JoinColumn = Column(columns.Join);
        mapping.LeaveColumn = Column(columns.Leave);
        mapping.DurationColumn = Column(columns.Duration);
        mapping.SavedAtUtc = timeProvider.GetUtcNow().UtcDateTime;
        stored = stored with { HeaderIndex = 0, Columns = columns };
        batch.RowsJson = JsonSerializer.Serialize(stored);
        await db.SaveChangesAsync(cancellationToken);
        return (await StepAsync(session, token, stored, cancellationToken), null);
    }

    public async Task<ReportStep?> ReviewAsync(int sessionId, string token, int userId, CancellationToken cancellationToken = default) =>
        await LoadAsync(sessionId, token, userId, cancellationToken) is { } loaded ? await StepAsync(loaded.Session, token, loaded.Stored, cancellationToken) : null;

    /// <summary>
    /// Records the attendance the report shows, with staff's decisions on the uncertain matches. Returns the page
    /// again (with its error key) when a decision is missing, or null when the report is gone.
    /// </summary>
    public async Task<(ReconciliationPage? Page, string? Error, int Present, int Absent)> ConfirmAsync(
        int sessionId, string token, ReconciliationForm form, int userId, CancellationToken cancellationToken = default)
    {
        if (await LoadAsync(sessionId, token, userId, cancellationToken) is not { } loaded
            || await StepAsync(loaded.Session, token, loaded.Stored, cancellationToken) is not ReportReady { Page: var page })
        {
            return (null, null, 0, 0);
        }

        if (!page.CanConfirm)
        {
            return (page, "Reconcile_HasProblems", 0, 0);
        }

        var invitees = page.Invitees.Select(i => i.AuthorityId).ToHashSet();
        var decided = new Dictionary<int, int?>();
        foreach (var participant in page.Participants)
        {
            var answer = participant.Index < form.Matches.Count ? form.Matches[participant.Index] : null;
            int? chosen = answer switch
            {
                "none" => null,
                { } text when int.TryParse(text, out var id) && invitees.Contains(id) => id,
                _ when participant.Match is MatchKind.Email or MatchKind.Name => participant.AuthorityId,
                _ when participant.Match == MatchKind.None => null,
                _ => -1,
            };
            if (chosen == -1)
            {
                return (page, "Reconcile_Undecided", 0, 0);
            }

            decided[participant.Index] = chosen;
        }

        var proposals = Propose(page.Session, page.Participants, decided, page.Invitees, page.ThresholdMinutes, CurrentMarks(page));
        var ids = proposals.Select(p => p.AuthorityId).ToList();
        var existing = await db.Attendances.Where(a => a.SessionId == sessionId && ids.Contains(a.AuthorityId)).ToDictionaryAsync(a => a.AuthorityId, cancellationToken);
        var people = await db.Authorities.Where(a => ids.Contains(a.Id)).Include(a => a.LocalGovernment).ToDictionaryAsync(a => a.Id, cancellationToken);
        var representedIds = existing.Values.Select(a => a.LocalGovernmentId).OfType<int>().Distinct().ToList();
        var represented = await db.LocalGovernments.Where(l => representedIds.Contains(l.Id)).ToDictionaryAsync(l => l.Id, cancellationToken);
        var marks = new AttendanceMarks(db, page.Session.CohortId, sessionId, existing, timeProvider.GetUtcNow().UtcDateTime);
        foreach (var proposal in proposals)
        {
            var person = people[proposal.AuthorityId];
            var government = existing.GetValueOrDefault(proposal.AuthorityId)?.LocalGovernmentId is { } chosenId ? represented[chosenId] : person.LocalGovernment;
            marks.Mark(proposal.AuthorityId, proposal.Proposed, government, person.CountryCode, AttendanceSource.Report, proposal.Minutes);
        }

        await marks.AcceptInvitationsOfThePresentAsync(cancellationToken);
        db.ImportBatches.Remove(loaded.Batch);
        await db.SaveChangesInBulkAsync(cancellationToken);
        return (page, null, proposals.Count(p => p.Proposed == AttendanceStatus.Present), proposals.Count(p => p.Proposed == AttendanceStatus.Absent));
    }

    private async Task<ReportStep> StepAsync(SessionHeader session, string token, StoredReport stored, CancellationToken cancellationToken)
    {
        if (stored.Columns is null || stored.HeaderIndex is null)
        {
            return new ReportNeedsMapping(MappingPage(session, token, stored));
        }

        var (entries, problems) = ParticipantReport.Read(stored.Rows, stored.HeaderIndex.Value, stored.Columns, session);
        var invitees = await db.Invitations.AsNoTracking()
            .Where(i => i.CohortId == session.CohortId && i.Status != InvitationStatus.Revoked)
            .Select(i => new { i.AuthorityId, i.Authority!.FullName, i.Authority.SearchKey, i.Authority.EmailNormalized, i.Authority.CountryCode })
            .ToListAsync(cancellationToken);
        var current = await db.Attendances.AsNoTracking().Where(a => a.SessionId == session.Id)
            .ToDictionaryAsync(a => a.AuthorityId, a => a.Status, cancellationToken);
        var byEmail = invitees.ToDictionary(i => i.EmailNormalized);
        var participants = ParticipantReport.Totals(entries).Select((p, index) =>
        {
            if (p.Email is { } email && byEmail.TryGetValue(SearchText.Email(email), out var byMail))
            {
                return new ReportParticipant(index, p.Name, p.Email, p.Minutes, MatchKind.Email, byMail.AuthorityId, string.Join(", ", p.RowNumbers));
            }

            var key = ParticipantReport.NameKey(p.Name);
            var best = invitees.Select(i => (Invitee: i, Score: NameSimilarity.Score(key, i.SearchKey))).OrderByDescending(x => x.Score).FirstOrDefault();
            var kind = best.Invitee is null || best.Score < NameSimilarity.Suggest ? MatchKind.None : best.Score >= 1 ? MatchKind.Name : MatchKind.Uncertain;
            return new ReportParticipant(index, p.Name, p.Email, p.Minutes, kind, kind == MatchKind.None ? null : best.Invitee!.AuthorityId, string.Join(", ", p.RowNumbers));
        }).ToList();

        // The same invitee proposed for two people by name alone is uncertain for both.
        foreach (var twice in participants.Where(p => p.Match == MatchKind.Name).GroupBy(p => p.AuthorityId).Where(g => g.Count() > 1).SelectMany(g => g).ToList())
        {
            participants[twice.Index] = twice with { Match = MatchKind.Uncertain };
        }

        var options = invitees.Select(i => new InviteeOption(i.AuthorityId, i.FullName, i.CountryCode)).OrderBy(i => i.FullName, StringComparer.CurrentCulture).ToList();
        var threshold = (int)Math.Ceiling(session.LengthMinutes * stored.MinimumSharePercent / 100.0);
        var suggested = participants.ToDictionary(p => p.Index, p => p.Match is MatchKind.None ? null : p.AuthorityId);
        var proposals = Propose(session, participants, suggested, options, threshold, current);
        return problems.Count > 0 && entries.Count == 0 && problems.All(p => p.RowNumber is null)
            ? new ReportRefused(session, problems)
            : new ReportReady(new ReconciliationPage(session, token, stored.FileName, stored.MinimumSharePercent, threshold, participants, options, proposals, problems));
    }

    /// <summary>Present when the matched people's minutes reach the threshold; otherwise absent, unless staff had excused the person.</summary>
    private static List<InviteeProposal> Propose(
        SessionHeader session, IReadOnlyList<ReportParticipant> participants, IReadOnlyDictionary<int, int?> matches, IReadOnlyList<InviteeOption> invitees,
        int threshold, IReadOnlyDictionary<int, AttendanceStatus> current)
    {
        var minutes = participants.Where(p => matches.GetValueOrDefault(p.Index) is not null)
            .GroupBy(p => matches[p.Index]!.Value).ToDictionary(g => g.Key, g => Math.Min(session.LengthMinutes, g.Sum(p => p.Minutes)));
        return invitees.Select(i =>
        {
            var attended = minutes.GetValueOrDefault(i.AuthorityId);
            var now = current.TryGetValue(i.AuthorityId, out var status) ? status : (AttendanceStatus?)null;
            var proposed = attended >= threshold ? AttendanceStatus.Present : now == AttendanceStatus.Excused ? AttendanceStatus.Excused : AttendanceStatus.Absent;
            return new InviteeProposal(i.AuthorityId, i.FullName, i.CountryCode, attended, proposed, now);
        }).OrderBy(p => p.Proposed).ThenBy(p => p.FullName, StringComparer.CurrentCulture).ToList();
    }

    private static Dictionary<int, AttendanceStatus> CurrentMarks(ReconciliationPage page) =>
        page.Proposals.Where(p => p.Current is not null).ToDictionary(p => p.AuthorityId, p => p.Current!.Value);

    private static ColumnMappingPage MappingPage(SessionHeader session, string token, StoredReport stored) => new(
        session, token, stored.FileName, [.. stored.Rows[0].Cells.Select((c, i) => c ?? $"#{i + 1}")], [.. stored.Rows.Skip(1).Take(5).Select(r => r.Cells)]);

    private async Task<ReportColumns?> RememberedColumnsAsync(RawRow header, CancellationToken cancellationToken)
    {
        var signature = ParticipantReport.Signature(header.Cells);
        var mapping = await db.ReportColumnMappings.AsNoTracking().SingleOrDefaultAsync(m => m.HeaderSignature == signature, cancellationToken);
        if (mapping is null)
        {
            return null;
        }

        int? Index(string? column) => column is null ? null : header.Cells.ToList().FindIndex(c => (c ?? "") == column) is var i and >= 0 ? i : null;
        return Index(mapping.NameColumn) is { } name ? new ReportColumns(name, Index(mapping.EmailColumn), Index(mapping.JoinColumn), Index(mapping.LeaveColumn), Index(mapping.DurationColumn)) : null;
    }

    private async Task<(SessionHeader Session, ImportBatch Batch, StoredReport Stored)?> LoadAsync(int sessionId, string token, int userId, CancellationToken cancellationToken)
    {
        var batch = await db.FindImportBatchAsync(token, userId, timeProvider.GetUtcNow().UtcDateTime, cancellationToken);
        var stored = batch is null ? null : JsonSerializer.Deserialize<StoredReport>(batch.RowsJson);
        if (stored is null || stored.SessionId != sessionId || await attendance.SessionAsync(sessionId, cancellationToken) is not { } session)
        {
            return null;
        }

        return (session, batch!, stored);
    }
}
