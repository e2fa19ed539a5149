using System.Text.Json;
using ChampionPortal.Web.Data;
using ChampionPortal.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace ChampionPortal.Web.Features.Audit;

/// <summary>The filters of the audit page, bound from the query string.</summary>
public sealed class AuditFilter
{
    public string? Entity { get; set; }
    public string? Key { get; set; }
    public string? Actor { get; set; }
    public AuditAction? Action { get; set; }
    public DateOnly? From { get; set; }
    public DateOnly? To { get; set; }
    public int Page { get; set; } = 1;
}

/// <summary>One changed field: its value before and after (absent when the record was created or deleted).</summary>
public sealed record AuditChange(string Field, string? Old, string? New);

public sealed record AuditRow(long Id, DateTime OccurredAtUtc, string Actor, AuditAction Action, string EntityType, string EntityKey, IReadOnlyList<AuditChange> Changes);

public sealed record AuditPage(AuditFilter Filter, IReadOnlyList<string> EntityTypes, IReadOnlyList<AuditRow> Rows, int Total, int PageCount);

/// <summary>Reads the audit trail for Administrators. There is nothing here that writes: the trail cannot be edited from the portal.</summary>
public sealed class AuditService(PortalDbContext db)
{
    public const int PageSize = 50;

    public async Task<AuditPage> PageAsync(AuditFilter filter, CancellationToken cancellationToken = default)
    {
        var query = db.AuditEntries.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(filter.Entity))
        {
            query = query.Where(a => a.EntityType == filter.Entity);
        }

        if (!string.IsNullOrWhiteSpace(filter.Key))
        {
            var key = filter.Key.Trim();
            query = query.Where(a => a.EntityKey == key);
        }

        if (!string.IsNullOrWhiteSpace(filter.Actor))
        {
            var actor = filter.Actor.Trim().ToLowerInvariant();
            query = query.Where(a => a.Actor.ToLower().Contains(actor));
        }

        if (filter.Action is { } action)
        {
            query = query.Where(a => a.Action == action);
        }

        if (filter.From is { } from)
        {
            var start = from.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            query = query.Where(a => a.OccurredAtUtc >= start);
        }

        if (filter.To is { } to)
        {
            var end = to.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            query = query.Where(a => a.OccurredAtUtc < end);
        }

        var total = await query.CountAsync(cancellationToken);
        var pageCount = Math.Max(1, (total + PageSize - 1) / PageSize);
        filter.Page = Math.Clamp(filter.Page, 1, pageCount);
        var entries = await query.OrderByDescending(a => a.Id).Skip((filter.Page - 1) * PageSize).Take(PageSize)
            .Select(a => new { a.Id, a.OccurredAtUtc, a.Actor, a.Action, a.EntityType, a.EntityKey, a.ChangesJson }).ToListAsync(cancellationToken);
        var types = await db.AuditEntries.AsNoTracking().Select(a => a.EntityType).Distinct().OrderBy(t => t).ToListAsync(cancellationToken);
        return new AuditPage(
            filter, types, [.. entries.Select(e => new AuditRow(e.Id, e.OccurredAtUtc, e.Actor, e.Action, e.EntityType, e.EntityKey, Changes(e.ChangesJson)))], total, pageCount);
    }

    private static List<AuditChange> Changes(string json)
    {
        using var document = JsonDocument.Parse(json);
        return
        [
            .. document.RootElement.EnumerateObject().Select(field => new AuditChange(
                field.Name,
                field.Value.TryGetProperty("old", out var old) ? Text(old) : null,
                field.Value.TryGetProperty("new", out var now) ? Text(now) : null)),
        ];
    }

    private static string Text(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Null => "∅",
        JsonValueKind.String => value.GetString() ?? "",
        _ => value.GetRawText(),
    };
}
