using ChampionPortal.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChampionPortal.Web.Data.Configurations;

public sealed class PortalUserConfiguration : IEntityTypeConfiguration<PortalUser>
{
    public void Configure(EntityTypeBuilder<PortalUser> builder)
    {
        builder.Property(u => u.FullName).HasMaxLength(200);
        builder.Property(u => u.PreferredLanguage).HasMaxLength(2);
        builder.Property(u => u.CountryCode).HasMaxLength(2).IsFixedLength();
        builder.HasOne<Country>().WithMany().HasForeignKey(u => u.CountryCode).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Authority>().WithMany().HasForeignKey(u => u.AuthorityId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(u => u.AuthorityId).IsUnique();
        builder.HasIndex(u => u.CountryCode);
    }
}
