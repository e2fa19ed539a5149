namespace ChampionPortal.Web.Domain;

public enum AuditAction
{
    Created,
    Updated,
    Deleted,
}

/// <summary>One change to one record: who, when, which record, and the changed fields' old and new values.</summary>
public class AuditEntry
{
    public long Id { get; set; }
    public DateTime OccurredAtUtc { get; set; }
    public int? ActorUserId { get; set; }
    public required string Actor { get; set; }
    public required string EntityType { get; set; }
    public required string EntityKey { get; set; }
    public AuditAction Action { get; set; }
    public required string ChangesJson { get; set; }

    // Lets erasure find the entries that hold a person's data.
    public bool ContainsPersonalData { get; set; }
}
