using ChampionPortal.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChampionPortal.Web.Data.Configurations;

public sealed class CohortCountryQuotaConfiguration : IEntityTypeConfiguration<CohortCountryQuota>
{
    public void Configure(EntityTypeBuilder<CohortCountryQuota> builder)
    {
        builder.HasKey(q => new { q.CohortId, q.CountryCode });
        builder.Property(q => q.CountryCode).HasMaxLength(2).IsFixedLength();
        builder.HasOne<Cohort>().WithMany().HasForeignKey(q => q.CohortId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Country>().WithMany().HasForeignKey(q => q.CountryCode).OnDelete(DeleteBehavior.Restrict);
    }
}
