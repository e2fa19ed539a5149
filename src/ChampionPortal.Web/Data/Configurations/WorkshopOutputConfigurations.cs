using ChampionPortal.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChampionPortal.Web.Data.Configurations;

public sealed class LocalActionConfiguration : IEntityTypeConfiguration<LocalAction>
{
    public void Configure(EntityTypeBuilder<LocalAction> builder)
    {
        builder.Property(a => a.CountryCode).HasMaxLength(2).IsFixedLength();
        builder.Property(a => a.Title).HasMaxLength(200);
        builder.Property(a => a.Description).HasMaxLength(4000);
        builder.Property(a => a.Strengthening).HasMaxLength(2000);
        builder.Property(a => a.Status).HasConversion<string>().HasMaxLength(20);
        builder.HasOne<Cohort>().WithMany().HasForeignKey(a => a.CohortId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(a => a.LocalGovernment).WithMany().HasForeignKey(a => a.LocalGovernmentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(a => a.Objectives).WithOne().HasForeignKey(o => o.LocalActionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(a => a.Principles).WithOne().HasForeignKey(p => p.LocalActionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(a => new { a.CohortId, a.CountryCode, a.LocalGovernmentId });
    }
}

public sealed class LocalActionObjectiveConfiguration : IEntityTypeConfiguration<LocalActionObjective>
{
    public void Configure(EntityTypeBuilder<LocalActionObjective> builder)
    {
        builder.HasKey(o => new { o.LocalActionId, o.ObjectiveNumber });
        builder.HasOne<GcmObjective>().WithMany().HasForeignKey(o => o.ObjectiveNumber).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class LocalActionPrincipleConfiguration : IEntityTypeConfiguration<LocalActionPrinciple>
{
    public void Configure(EntityTypeBuilder<LocalActionPrinciple> builder)
    {
        builder.HasKey(p => new { p.LocalActionId, p.PrincipleNumber });
        builder.HasOne<GuidingPrinciple>().WithMany().HasForeignKey(p => p.PrincipleNumber).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class AgendaItemConfiguration : IEntityTypeConfiguration<AgendaItem>
{
    public void Configure(EntityTypeBuilder<AgendaItem> builder)
    {
        builder.Property(i => i.CountryCode).HasMaxLength(2).IsFixedLength();
        builder.Property(i => i.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(i => i.Text).HasMaxLength(2000);
        builder.Property(i => i.Theme).HasMaxLength(200);
        builder.HasOne<Cohort>().WithMany().HasForeignKey(i => i.CohortId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(i => i.LocalGovernment).WithMany().HasForeignKey(i => i.LocalGovernmentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(i => i.Session).WithMany().HasForeignKey(i => i.SessionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(i => i.AgendaEntry).WithMany(e => e.Items).HasForeignKey(i => i.AgendaEntryId).OnDelete(DeleteBehavior.SetNull);
        builder.HasMany(i => i.Objectives).WithOne().HasForeignKey(o => o.AgendaItemId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(i => new { i.CohortId, i.AgendaEntryId });
    }
}

public sealed class AgendaItemObjectiveConfiguration : IEntityTypeConfiguration<AgendaItemObjective>
{
    public void Configure(EntityTypeBuilder<AgendaItemObjective> builder)
    {
        builder.HasKey(o => new { o.AgendaItemId, o.ObjectiveNumber });
        builder.HasOne<GcmObjective>().WithMany().HasForeignKey(o => o.ObjectiveNumber).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class AgendaThemeConfiguration : IEntityTypeConfiguration<AgendaTheme>
{
    public void Configure(EntityTypeBuilder<AgendaTheme> builder)
    {
        builder.Property(t => t.Name).HasMaxLength(200);
        builder.HasOne<Cohort>().WithMany().HasForeignKey(t => t.CohortId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(t => new { t.CohortId, t.Position });
    }
}

public sealed class AgendaEntryConfiguration : IEntityTypeConfiguration<AgendaEntry>
{
    public void Configure(EntityTypeBuilder<AgendaEntry> builder)
    {
        builder.Property(e => e.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(e => e.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(e => e.Text).HasMaxLength(2000);
        builder.HasOne<Cohort>().WithMany().HasForeignKey(e => e.CohortId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(e => e.Theme).WithMany().HasForeignKey(e => e.ThemeId).OnDelete(DeleteBehavior.SetNull);
        builder.HasIndex(e => new { e.CohortId, e.ThemeId, e.Position });
    }
}

public sealed class PublicationConfiguration : IEntityTypeConfiguration<Publication>
{
    public void Configure(EntityTypeBuilder<Publication> builder)
    {
        builder.Property(p => p.Kind).HasConversion<string>().HasMaxLength(20);
        builder.HasOne(p => p.Cohort).WithMany().HasForeignKey(p => p.CohortId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(p => new { p.CohortId, p.Kind, p.Number }).IsUnique();
    }
}

public sealed class ResourceConfiguration : IEntityTypeConfiguration<Resource>
{
    public void Configure(EntityTypeBuilder<Resource> builder)
    {
        builder.Property(r => r.Title).HasMaxLength(300);
        builder.Property(r => r.TitleEs).HasMaxLength(300);
        builder.Property(r => r.TitlePt).HasMaxLength(300);
        builder.Property(r => r.Description).HasMaxLength(2000);
        builder.Property(r => r.DescriptionEs).HasMaxLength(2000);
        builder.Property(r => r.DescriptionPt).HasMaxLength(2000);
        builder.Property(r => r.Visibility).HasConversion<string>().HasMaxLength(20);
        builder.HasMany(r => r.Files).WithOne().HasForeignKey(f => f.ResourceId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class ResourceFileConfiguration : IEntityTypeConfiguration<ResourceFile>
{
    public void Configure(EntityTypeBuilder<ResourceFile> builder)
    {
        builder.Property(f => f.Language).HasMaxLength(5);
        builder.Property(f => f.Url).HasMaxLength(1000);
        builder.Property(f => f.FileName).HasMaxLength(255);
        builder.Property(f => f.ContentType).HasMaxLength(100);
        builder.Property(f => f.Sha256).HasMaxLength(64);
        builder.HasIndex(f => new { f.ResourceId, f.Language }).IsUnique();
    }
}

public sealed class StakeholderConfiguration : IEntityTypeConfiguration<Stakeholder>
{
    public void Configure(EntityTypeBuilder<Stakeholder> builder)
    {
        builder.Property(s => s.Organization).HasMaxLength(200);
        builder.Property(s => s.ContactName).HasMaxLength(200);
        builder.Property(s => s.Email).HasMaxLength(256);
        builder.Property(s => s.CountryCode).HasMaxLength(2).IsFixedLength();
        builder.Property(s => s.Language).HasMaxLength(5);
        builder.HasOne<Country>().WithMany().HasForeignKey(s => s.CountryCode).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class DisseminationConfiguration : IEntityTypeConfiguration<Dissemination>
{
    public void Configure(EntityTypeBuilder<Dissemination> builder)
    {
        builder.Property(d => d.ResourceIds).HasMaxLength(500);
        builder.Property(d => d.Introduction).HasMaxLength(DisseminationIntroduction.MaxLength);
        builder.Property(d => d.IntroductionEs).HasMaxLength(DisseminationIntroduction.MaxLength);
        builder.Property(d => d.IntroductionPt).HasMaxLength(DisseminationIntroduction.MaxLength);
        builder.HasOne<Cohort>().WithMany().HasForeignKey(d => d.CohortId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Publication>().WithMany().HasForeignKey(d => d.AgendaPublicationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Publication>().WithMany().HasForeignKey(d => d.MappingPublicationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(d => d.Recipients).WithOne(r => r.Dissemination).HasForeignKey(r => r.DisseminationId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class DisseminationRecipientConfiguration : IEntityTypeConfiguration<DisseminationRecipient>
{
    public void Configure(EntityTypeBuilder<DisseminationRecipient> builder)
    {
        builder.Property(r => r.Name).HasMaxLength(200);
        builder.Property(r => r.Email).HasMaxLength(256);
        builder.Property(r => r.Language).HasMaxLength(5);
        builder.Property(r => r.TokenHash).HasMaxLength(64);
        builder.HasIndex(r => r.TokenHash).IsUnique();
    }
}
