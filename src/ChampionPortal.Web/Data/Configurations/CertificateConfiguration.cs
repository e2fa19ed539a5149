using ChampionPortal.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChampionPortal.Web.Data.Configurations;

public sealed class CertificateConfiguration : IEntityTypeConfiguration<Certificate>
{
    public void Configure(EntityTypeBuilder<Certificate> builder)
    {
        builder.Property(c => c.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.CountryCode).HasMaxLength(2).IsFixedLength();
        builder.Property(c => c.Serial).HasMaxLength(30);
        builder.Property(c => c.VerificationCode).HasMaxLength(30);
        builder.Property(c => c.Language).HasMaxLength(5);
        builder.Property(c => c.RecipientName).HasMaxLength(200);
        builder.Property(c => c.Position).HasMaxLength(200);
        builder.Property(c => c.LocalGovernmentName).HasMaxLength(200);
        builder.Property(c => c.SignatoryName).HasMaxLength(200);
        builder.Property(c => c.SignatoryTitle).HasMaxLength(200);
        builder.Property(c => c.RevocationReason).HasMaxLength(Certificate.ReasonMaxLength);
        builder.Property(c => c.ReissueReason).HasMaxLength(Certificate.ReasonMaxLength);
        builder.Property(c => c.Sha256).HasMaxLength(64);
        builder.Property(c => c.RecipientKey).HasMaxLength(20);
        builder.Property(c => c.RecipientIdentity).HasMaxLength(80);
        builder.Property(c => c.RecipientSalt).HasMaxLength(40);
        builder.HasOne<StatusList>().WithMany().HasForeignKey(c => c.StatusListId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(c => new { c.StatusListId, c.StatusListIndex }).IsUnique().HasFilter("\"StatusListIndex\" IS NOT NULL");
        builder.HasOne(c => c.Cohort).WithMany().HasForeignKey(c => c.CohortId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Authority>().WithMany().HasForeignKey(c => c.AuthorityId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<LocalGovernment>().WithMany().HasForeignKey(c => c.LocalGovernmentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(c => c.Serial).IsUnique();
        builder.HasIndex(c => c.VerificationCode).IsUnique();

        // At most one valid certificate per recipient and cohort, whatever runs issuance at the same time.
        builder.HasIndex(c => new { c.CohortId, c.RecipientKey }).IsUnique().HasFilter("\"Status\" = 'Valid'");
        builder.HasIndex(c => new { c.CohortId, c.CountryCode });

        // The public directory reads one country's valid certificates of a kind in name order, a page at a time.
        builder.HasIndex(c => new { c.CohortId, c.Kind, c.CountryCode, c.RecipientName, c.Id }, "IX_Certificates_Directory").HasFilter("\"Status\" = 'Valid'");
    }
}
