using ChampionPortal.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChampionPortal.Web.Data.Configurations;

public sealed class CertificateIssuanceConfiguration : IEntityTypeConfiguration<CertificateIssuance>
{
    public void Configure(EntityTypeBuilder<CertificateIssuance> builder)
    {
        builder.Property(i => i.RequestedBy).HasMaxLength(256);
        builder.Property(i => i.PublicBaseUrl).HasMaxLength(300);
        builder.HasOne(i => i.Cohort).WithMany().HasForeignKey(i => i.CohortId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(i => i.Items).WithOne().HasForeignKey(i => i.IssuanceId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class CertificateIssuanceItemConfiguration : IEntityTypeConfiguration<CertificateIssuanceItem>
{
    public void Configure(EntityTypeBuilder<CertificateIssuanceItem> builder)
    {
        // The worker's claim query names the table.
        builder.ToTable("CertificateIssuanceItems");
        builder.Property(i => i.RecipientKey).HasMaxLength(20);
        builder.Property(i => i.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(i => i.Error).HasMaxLength(1000);
        builder.HasOne<Certificate>().WithMany().HasForeignKey(i => i.CertificateId).OnDelete(DeleteBehavior.SetNull);
        builder.HasIndex(i => new { i.Status, i.Id });
        builder.HasIndex(i => new { i.IssuanceId, i.Status });
    }
}

public sealed class CertificateArtworkConfiguration : IEntityTypeConfiguration<CertificateArtwork>
{
    public void Configure(EntityTypeBuilder<CertificateArtwork> builder)
    {
        builder.HasKey(a => a.Key);
        builder.Property(a => a.Key).HasMaxLength(40);
        builder.Property(a => a.ContentType).HasMaxLength(40);
    }
}
