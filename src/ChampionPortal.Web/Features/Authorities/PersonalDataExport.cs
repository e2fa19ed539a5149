using System.Text.Json;
using System.Text.Json.Nodes;
using ChampionPortal.Web.Data;
using ChampionPortal.Web.Domain;
using ChampionPortal.Web.Features.Certificates;
using ChampionPortal.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace ChampionPortal.Web.Features.Authorities;

/// <summary>
/// Everything the portal holds about one authority, as JSON, for an Administrator answering a person's request:
/// the record, the accounts linked to it, nominations, invitations, attendance, certificates and the audit entries of
/// the record. Secrets (password hashes, tokens) are never part of it.
/// </summary>
public sealed class PersonalDataExport(PortalDbContext db, PublicUrls urls, TimeProvider timeProvider)
{
    public async Task<byte[]?> ExportAsync(int authorityId, CancellationToken cancellationToken = default)
    {
        var a = await db.Authorities.AsNoTracking().Where(x => x.Id == authorityId)
            .Select(x => new { x.Id, x.FullName, x.Position, x.Email, x.Phone, x.PreferredLanguage, x.Gender, x.GenderDescription, LocalGovernment = x.LocalGovernment!.Name, x.CountryCode })
            .SingleOrDefaultAsync(cancellationToken);
        if (a is null)
        {
            return null;
        }

        var key = authorityId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var export = new
        {
            ExportedAtUtc = timeProvider.GetUtcNow().UtcDateTime,
            Authority = a,
            Accounts = await db.Users.AsNoTracking().Where(u => u.AuthorityId == authorityId)
                .Select(u => new { u.Email, u.FullName, u.PreferredLanguage, u.CreatedAtUtc, u.IsActive, u.TwoFactorEnabled, u.LockoutEnd }).ToListAsync(cancellationToken),
            Nominations = await db.Nominations.AsNoTracking().Where(n => n.AuthorityId == authorityId)
                .Select(n => new { Cohort = n.Cohort!.Code, n.Status, n.Justification, n.CreatedAtUtc }).ToListAsync(cancellationToken),
            Invitations = await db.Invitations.AsNoTracking().Where(i => i.AuthorityId == authorityId)
                .Select(i => new { Cohort = i.Cohort!.Code, i.Status, i.SentAtUtc, i.AnsweredAtUtc, i.ExpiresAtUtc, i.DirectoryConsent }).ToListAsync(cancellationToken),
            Attendance = await db.Attendances.AsNoTracking().Where(x => x.AuthorityId == authorityId)
                .Select(x => new { Session = x.Session!.Code, SessionTitle = x.Session.Title, x.Status, x.Source, x.MinutesAttended, x.RecordedAtUtc }).ToListAsync(cancellationToken),
            Certificates = (await db.Certificates.AsNoTracking().Where(c => c.AuthorityId == authorityId)
                .Select(c => new { c.Serial, Cohort = c.Cohort!.Code, c.Status, c.IssuedOn, c.RecipientName, c.Position, c.LocalGovernmentName, c.Language, c.VerificationCode })
                .ToListAsync(cancellationToken))
                .Select(c => new { c.Serial, c.Cohort, c.Status, c.IssuedOn, c.RecipientName, c.Position, c.LocalGovernmentName, c.Language, VerificationUrl = urls.Absolute($"/verify/{CertificateVerification.Grouped(c.VerificationCode)}") }),
            AuditTrail = (await db.AuditEntries.AsNoTracking().Where(e => e.EntityType == nameof(Authority) && e.EntityKey == key).OrderBy(e => e.Id)
                .Select(e => new { e.OccurredAtUtc, e.Actor, e.Action, e.ChangesJson }).ToListAsync(cancellationToken))
                .Select(e => new { e.OccurredAtUtc, e.Actor, e.Action, Changes = JsonNode.Parse(e.ChangesJson) }),
        };
        return JsonSerializer.SerializeToUtf8Bytes(export, Options);
    }

    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };
}
