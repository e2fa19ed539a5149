using ChampionPortal.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChampionPortal.Web.Data.Configurations;

public sealed class NominationConfiguration : IEntityTypeConfiguration<Nomination>
{
    public void Configure(EntityTypeBuilder<Nomination> builder)
    {
        builder.Property(n => n.CountryCode).HasMaxLength(2).IsFixedLength();
        builder.Property(n => n.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(n => n.Justification).HasMaxLength(4000);
        builder.Property(n => n.ReviewComment).HasMaxLength(2000);
        builder.HasOne(n => n.Cohort).WithMany().HasForeignKey(n => n.CohortId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(n => n.Authority).WithMany().HasForeignKey(n => n.AuthorityId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(n => n.LocalGovernment).WithMany().HasForeignKey(n => n.LocalGovernmentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Country>().WithMany().HasForeignKey(n => n.CountryCode).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(n => n.Criteria).WithOne().HasForeignKey(c => c.NominationId).OnDelete(DeleteBehavior.Cascade);

        // One nomination per person and cohort: a withdrawn one is reopened rather than duplicated.
        builder.HasIndex(n => new { n.CohortId, n.AuthorityId }).IsUnique();
        builder.HasIndex(n => new { n.CohortId, n.CountryCode, n.Status });
    }
}
