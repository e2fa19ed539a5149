using ChampionPortal.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChampionPortal.Web.Data.Configurations;

public sealed class NominationCriterionConfiguration : IEntityTypeConfiguration<NominationCriterion>
{
    public void Configure(EntityTypeBuilder<NominationCriterion> builder)
    {
        builder.HasKey(c => new { c.NominationId, c.Criterion });
        builder.Property(c => c.Criterion).HasConversion<string>().HasMaxLength(30);
        builder.Property(c => c.EvidenceUrl).HasMaxLength(500);
        builder.Property(c => c.EvidenceText).HasMaxLength(2000);
        builder.Property(c => c.Note).HasMaxLength(1000);
    }
}
