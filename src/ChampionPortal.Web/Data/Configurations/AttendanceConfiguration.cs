using ChampionPortal.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChampionPortal.Web.Data.Configurations;

public sealed class AttendanceConfiguration : IEntityTypeConfiguration<Attendance>
{
    public void Configure(EntityTypeBuilder<Attendance> builder)
    {
        builder.ToTable("Attendances");
        builder.Property(a => a.CountryCode).HasMaxLength(2).IsFixedLength();
        builder.Property(a => a.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(a => a.Source).HasConversion<string>().HasMaxLength(20);
        builder.HasOne(a => a.Session).WithMany().HasForeignKey(a => a.SessionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(a => a.Authority).WithMany().HasForeignKey(a => a.AuthorityId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(a => a.LocalGovernment).WithMany().HasForeignKey(a => a.LocalGovernmentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Cohort>().WithMany().HasForeignKey(a => a.CohortId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Country>().WithMany().HasForeignKey(a => a.CountryCode).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(a => new { a.SessionId, a.AuthorityId }).IsUnique();
        builder.HasIndex(a => new { a.CohortId, a.Status, a.CountryCode });
    }
}
