using ChampionPortal.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChampionPortal.Web.Data.Configurations;

public sealed class SessionReminderConfiguration : IEntityTypeConfiguration<SessionReminder>
{
    public void Configure(EntityTypeBuilder<SessionReminder> builder)
    {
        builder.HasIndex(r => new { r.SessionId, r.AuthorityId, r.MinutesBefore }).IsUnique();
        builder.HasOne<Session>().WithMany().HasForeignKey(r => r.SessionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Authority>().WithMany().HasForeignKey(r => r.AuthorityId).OnDelete(DeleteBehavior.Cascade);
    }
}
