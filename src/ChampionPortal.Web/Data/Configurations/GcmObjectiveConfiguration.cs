using ChampionPortal.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChampionPortal.Web.Data.Configurations;

public sealed class GcmObjectiveConfiguration : IEntityTypeConfiguration<GcmObjective>
{
    public void Configure(EntityTypeBuilder<GcmObjective> builder)
    {
        builder.HasKey(o => o.Number);
        builder.Property(o => o.Number).ValueGeneratedNever();
        builder.Property(o => o.ShortEn).HasMaxLength(100);
        builder.Property(o => o.ShortEs).HasMaxLength(100);
        builder.Property(o => o.ShortPt).HasMaxLength(100);
        builder.Property(o => o.TitleEn).HasMaxLength(400);
        builder.Property(o => o.TitleEs).HasMaxLength(400);
        builder.Property(o => o.TitlePt).HasMaxLength(400);
    }
}
