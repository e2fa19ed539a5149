using ChampionPortal.Web.Domain;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace ChampionPortal.Web.Data;

/// <summary>
/// The portal's one model. Each database provider derives its own context from it so that each keeps its own
/// migration set (Data/Migrations/Postgres and Data/Migrations/Sqlite) while feature code depends on this type.
/// </summary>
public abstract class PortalDbContext(DbContextOptions options)
    : IdentityDbContext<PortalUser, PortalRole, int>(options), IDataProtectionKeyContext
{
    public DbSet<Country> Countries => Set<Country>();
    public DbSet<LocalGovernment> LocalGovernments => Set<LocalGovernment>();
    public DbSet<Authority> Authorities => Set<Authority>();
    public DbSet<Cohort> Cohorts => Set<Cohort>();
    public DbSet<Event> Events => Set<Event>();
    public DbSet<Session> Sessions => Set<Session>();
    public DbSet<SessionReminder> SessionReminders => Set<SessionReminder>();
    public DbSet<CalendarFeed> CalendarFeeds => Set<CalendarFeed>();
    public DbSet<GcmObjective> GcmObjectives => Set<GcmObjective>();
    public DbSet<GuidingPrinciple> GuidingPrinciples => Set<GuidingPrinciple>();
    public DbSet<Nomination> Nominations => Set<Nomination>();
    public DbSet<NominationCriterion> NominationCriteria => Set<NominationCriterion>();
    public DbSet<CohortCountryQuota> CohortCountryQuotas => Set<CohortCountryQuota>();
    public DbSet<Invitation> Invitations => Set<Invitation>();
    public DbSet<InvitationLink> InvitationLinks => Set<InvitationLink>();
    public DbSet<Attendance> Attendances => Set<Attendance>();
    public DbSet<ReportColumnMapping> ReportColumnMappings => Set<ReportColumnMapping>();
    public DbSet<LocalAction> LocalActions => Set<LocalAction>();
    public DbSet<LocalActionObjective> LocalActionObjectives => Set<LocalActionObjective>();
    public DbSet<LocalActionPrinciple> LocalActionPrinciples => Set<LocalActionPrinciple>();
    public DbSet<AgendaItem> AgendaItems => Set<AgendaItem>();
    public DbSet<AgendaItemObjective> AgendaItemObjectives => Set<AgendaItemObjective>();
    public DbSet<AgendaTheme> AgendaThemes => Set<AgendaTheme>();
    public DbSet<AgendaEntry> AgendaEntries => Set<AgendaEntry>();
    public DbSet<Publication> Publications => Set<Publication>();
    public DbSet<Resource> Resources => Set<Resource>();
    public DbSet<ResourceFile> ResourceFiles => Set<ResourceFile>();
    public DbSet<Stakeholder> Stakeholders => Set<Stakeholder>();
    public DbSet<Dissemination> Disseminations => Set<Dissemination>();
    public DbSet<DisseminationRecipient> DisseminationRecipients => Set<DisseminationRecipient>();
    public DbSet<RecognitionRules> RecognitionRules => Set<RecognitionRules>();
    public DbSet<EligibilityException> EligibilityExceptions => Set<EligibilityException>();
    public DbSet<Certificate> Certificates => Set<Certificate>();
    public DbSet<SigningKey> SigningKeys => Set<SigningKey>();
    public DbSet<StatusList> StatusLists => Set<StatusList>();
    public DbSet<CertificateIssuance> CertificateIssuances => Set<CertificateIssuance>();
    public DbSet<CertificateIssuanceItem> CertificateIssuanceItems => Set<CertificateIssuanceItem>();
    public DbSet<CertificateArtwork> CertificateArtworks => Set<CertificateArtwork>();
    public DbSet<ImportBatch> ImportBatches => Set<ImportBatch>();
    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(PortalDbContext).Assembly);

        foreach (var entityType in builder.Model.GetEntityTypes().Where(t => typeof(IVersioned).IsAssignableFrom(t.ClrType)))
        {
            builder.Entity(entityType.ClrType).Property(nameof(IVersioned.Version)).IsConcurrencyToken();
        }
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Npgsql rejects non-UTC kinds and SQLite forgets the kind: every DateTime is UTC, also on read.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<NullableUtcDateTimeConverter>();
    }

    private sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
        v => v.Kind == DateTimeKind.Utc ? v : v.ToUniversalTime(),
        v => DateTime.SpecifyKind(v, DateTimeKind.Utc));

    private sealed class NullableUtcDateTimeConverter() : ValueConverter<DateTime?, DateTime?>(
        v => v.HasValue ? (v.Value.Kind == DateTimeKind.Utc ? v : v.Value.ToUniversalTime()) : v,
        v => v.HasValue ? DateTime.SpecifyKind(v.Value, DateTimeKind.Utc) : v);
}

public sealed class PostgresPortalDbContext(DbContextOptions<PostgresPortalDbContext> options) : PortalDbContext(options);

public sealed class SqlitePortalDbContext(DbContextOptions<SqlitePortalDbContext> options) : PortalDbContext(options);
