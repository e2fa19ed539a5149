using ChampionPortal.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChampionPortal.Web.Data.Configurations;

public sealed class ReportColumnMappingConfiguration : IEntityTypeConfiguration<ReportColumnMapping>
{
    public void Configure(EntityTypeBuilder<ReportColumnMapping> builder)
    {
        builder.Property(m => m.HeaderSignature).HasMaxLength(64);
        foreach (var column in new[] { nameof(ReportColumnMapping.NameColumn), nameof(ReportColumnMapping.EmailColumn), nameof(ReportColumnMapping.JoinColumn), nameof(ReportColumnMapping.LeaveColumn), nameof(ReportColumnMapping.DurationColumn) })
        {
            builder.Property(column).HasMaxLength(200);
        }

        builder.HasIndex(m => m.HeaderSignature).IsUnique();
    }
}
