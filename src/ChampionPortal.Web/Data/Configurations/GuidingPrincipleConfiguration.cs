using ChampionPortal.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChampionPortal.Web.Data.Configurations;

public sealed class GuidingPrincipleConfiguration : IEntityTypeConfiguration<GuidingPrinciple>
{
    public void Configure(EntityTypeBuilder<GuidingPrinciple> builder)
    {
        builder.HasKey(p => p.Number);
        builder.Property(p => p.Number).ValueGeneratedNever();
        builder.Property(p => p.TitleEn).HasMaxLength(200);
        builder.Property(p => p.TitleEs).HasMaxLength(200);
        builder.Property(p => p.TitlePt).HasMaxLength(200);
    }
}
