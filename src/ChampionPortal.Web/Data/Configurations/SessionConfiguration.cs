using ChampionPortal.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChampionPortal.Web.Data.Configurations;

public sealed class SessionConfiguration : IEntityTypeConfiguration<Session>
{
    public void Configure(EntityTypeBuilder<Session> builder)
    {
        builder.Property(s => s.Code).HasMaxLength(20);
        builder.Property(s => s.Title).HasMaxLength(200);
        builder.Property(s => s.TitleEs).HasMaxLength(200);
        builder.Property(s => s.TitlePt).HasMaxLength(200);
        builder.Property(s => s.TimeZone).HasMaxLength(64);
        builder.Property(s => s.Modality).HasConversion<string>().HasMaxLength(20);
        builder.Property(s => s.Venue).HasMaxLength(500);
        builder.Property(s => s.JoinUrl).HasMaxLength(500);
        builder.Property(s => s.CalendarUid).HasMaxLength(64);
        builder.HasIndex(s => s.CalendarUid).IsUnique();
        builder.HasOne(s => s.Event).WithMany(e => e.Sessions)
            .HasForeignKey(s => new { s.EventId, s.CohortId })
            .HasPrincipalKey(e => new { e.Id, e.CohortId })
            .OnDelete(DeleteBehavior.Restrict);
        builder.Property(s => s.CheckInCode).HasMaxLength(12);
        builder.HasIndex(s => new { s.CohortId, s.Code }).IsUnique();
        builder.HasIndex(s => s.CheckInCode).IsUnique();
    }
}
