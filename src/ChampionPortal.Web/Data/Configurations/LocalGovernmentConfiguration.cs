using ChampionPortal.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChampionPortal.Web.Data.Configurations;

public sealed class LocalGovernmentConfiguration : IEntityTypeConfiguration<LocalGovernment>
{
    public void Configure(EntityTypeBuilder<LocalGovernment> builder)
    {
        builder.Property(l => l.Name).HasMaxLength(200);
        builder.Property(l => l.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(l => l.CountryCode).HasMaxLength(2).IsFixedLength();
        builder.Property(l => l.TimeZone).HasMaxLength(64);
        builder.Property(l => l.SearchKey).HasMaxLength(200);
        builder.HasOne(l => l.Country).WithMany().HasForeignKey(l => l.CountryCode).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(l => l.SearchKey);
        builder.HasIndex(l => new { l.CountryCode, l.SearchKey });
    }
}
