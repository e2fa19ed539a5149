using ChampionPortal.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChampionPortal.Web.Data.Configurations;

public sealed class AuthorityConfiguration : IEntityTypeConfiguration<Authority>
{
    public void Configure(EntityTypeBuilder<Authority> builder)
    {
        builder.Property(a => a.FullName).HasMaxLength(200);
        builder.Property(a => a.Position).HasMaxLength(200);
        builder.Property(a => a.Email).HasMaxLength(256);
        builder.Property(a => a.EmailNormalized).HasMaxLength(256);
        builder.Property(a => a.Phone).HasMaxLength(40);
        builder.Property(a => a.PreferredLanguage).HasMaxLength(2);
        builder.Property(a => a.Gender).HasConversion<string>().HasMaxLength(20);
        builder.Property(a => a.GenderDescription).HasMaxLength(100);
        builder.Property(a => a.CountryCode).HasMaxLength(2).IsFixedLength();
        builder.Property(a => a.SearchKey).HasMaxLength(200);
        builder.HasOne(a => a.Country).WithMany().HasForeignKey(a => a.CountryCode).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(a => a.LocalGovernment).WithMany().HasForeignKey(a => a.LocalGovernmentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(a => a.EmailNormalized).IsUnique();
        builder.HasIndex(a => a.SearchKey);

        // A country's list in name order, one page at a time, without sorting the country's every row.
        builder.HasIndex(a => new { a.CountryCode, a.SearchKey, a.Id });
    }
}
