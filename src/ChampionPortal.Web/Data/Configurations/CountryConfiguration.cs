using ChampionPortal.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChampionPortal.Web.Data.Configurations;

public sealed class CountryConfiguration : IEntityTypeConfiguration<Country>
{
    public void Configure(EntityTypeBuilder<Country> builder)
    {
        builder.HasKey(c => c.Code);
        builder.Property(c => c.Code).HasMaxLength(2).IsFixedLength();
        builder.Property(c => c.NameEn).HasMaxLength(80);
        builder.Property(c => c.NameEs).HasMaxLength(80);
        builder.Property(c => c.NamePt).HasMaxLength(80);
    }
}
