using ChampionPortal.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChampionPortal.Web.Data.Configurations;

public sealed class RecognitionRulesConfiguration : IEntityTypeConfiguration<RecognitionRules>
{
    public void Configure(EntityTypeBuilder<RecognitionRules> builder)
    {
        builder.HasKey(r => r.CohortId);
        builder.Property(r => r.SignatoryName).HasMaxLength(200);
        builder.Property(r => r.SignatoryTitle).HasMaxLength(200);
        builder.Property(r => r.SignatoryTitleEs).HasMaxLength(200);
        builder.Property(r => r.SignatoryTitlePt).HasMaxLength(200);
        builder.HasOne<Cohort>().WithOne().HasForeignKey<RecognitionRules>(r => r.CohortId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class EligibilityExceptionConfiguration : IEntityTypeConfiguration<EligibilityException>
{
    public void Configure(EntityTypeBuilder<EligibilityException> builder)
    {
        builder.Property(e => e.Reason).HasMaxLength(1000);
        builder.HasOne<Cohort>().WithMany().HasForeignKey(e => e.CohortId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Authority>().WithMany().HasForeignKey(e => e.AuthorityId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(e => new { e.CohortId, e.AuthorityId }).IsUnique();
    }
}
