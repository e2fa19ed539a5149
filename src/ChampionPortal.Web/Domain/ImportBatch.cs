namespace ChampionPortal.Web.Domain;

/// <summary>
/// A checked import waiting for the user's confirmation. Kept in the database, not in memory, so that the
/// confirmation may reach another portal instance; it is deleted when applied and ignored after an hour.
/// </summary>
public class ImportBatch
{
    public int Id { get; set; }
    public required string Token { get; set; }
    public int UserId { get; set; }
    public required string RowsJson { get; set; }
    public DateTime CreatedAtUtc { get; set; }
}
