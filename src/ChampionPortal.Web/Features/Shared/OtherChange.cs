using System.Globalization;
using System.Text.Json.Nodes;
using ChampionPortal.Web.Data;
using ChampionPortal.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace ChampionPortal.Web.Features.Shared;

/// <summary>The change that won a conflicting edit: who saved it, when, and the fields it set.</summary>
public sealed record OtherChange(string Actor, DateTime AtUtc, IReadOnlyList<(string Field, string? Value)> Fields)
{
    public const string ViewDataKey = "OtherChange";

    /// <summary>The latest update of the record from the audit trail, or null when none is recorded.</summary>
    public static async Task<OtherChange?> LatestAsync(PortalDbContext db, string recordType, int id, CancellationToken cancellationToken = default)
    {
        var key = id.ToString(CultureInfo.InvariantCulture);
        var entry = await db.AuditEntries.AsNoTracking()
            .Where(e => e.EntityType == recordType && e.EntityKey == key && e.Action == AuditAction.Updated)
            .OrderByDescending(e => e.Id).Select(e => new { e.Actor, e.OccurredAtUtc, e.ChangesJson })
            .FirstOrDefaultAsync(cancellationToken);
        if (entry is null || JsonNode.Parse(entry.ChangesJson) is not JsonObject changes)
        {
            return null;
        }

        var fields = changes.Select(c => (c.Key, c.Value is JsonObject change && change["new"] is { } value ? value.ToString() : null)).ToList();
        return new OtherChange(entry.Actor, entry.OccurredAtUtc, fields);
    }
}
