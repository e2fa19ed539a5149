using ChampionPortal.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChampionPortal.Web.Data.Configurations;

public sealed class EventConfiguration : IEntityTypeConfiguration<Event>
{
    public void Configure(EntityTypeBuilder<Event> builder)
    {
        builder.Property(e => e.Name).HasMaxLength(200);
        builder.Property(e => e.NameEs).HasMaxLength(200);
        builder.Property(e => e.NamePt).HasMaxLength(200);
        builder.Property(e => e.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(e => e.DefaultTimeZone).HasMaxLength(64);
        builder.HasOne(e => e.Cohort).WithMany(c => c.Events).HasForeignKey(e => e.CohortId).OnDelete(DeleteBehavior.Restrict);

        // Target of the session's composite foreign key, which keeps a session's cohort equal to its event's.
        builder.HasAlternateKey(e => new { e.Id, e.CohortId });
        builder.HasIndex(e => e.CohortId);
    }
}
