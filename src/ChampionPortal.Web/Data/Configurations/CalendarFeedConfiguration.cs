using ChampionPortal.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChampionPortal.Web.Data.Configurations;

public sealed class CalendarFeedConfiguration : IEntityTypeConfiguration<CalendarFeed>
{
    public void Configure(EntityTypeBuilder<CalendarFeed> builder)
    {
        builder.Property(f => f.Token).HasMaxLength(64);
        builder.HasIndex(f => f.Token).IsUnique();
        builder.HasIndex(f => f.AuthorityId).IsUnique();
        builder.HasOne(f => f.Authority).WithMany().HasForeignKey(f => f.AuthorityId).OnDelete(DeleteBehavior.Cascade);
    }
}
