using ChampionPortal.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChampionPortal.Web.Data.Configurations;

public sealed class InvitationConfiguration : IEntityTypeConfiguration<Invitation>
{
    public void Configure(EntityTypeBuilder<Invitation> builder)
    {
        builder.Property(i => i.CountryCode).HasMaxLength(2).IsFixedLength();
        builder.Property(i => i.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(i => i.ResponseComment).HasMaxLength(2000);
        builder.HasOne(i => i.Cohort).WithMany().HasForeignKey(i => i.CohortId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(i => i.Authority).WithMany().HasForeignKey(i => i.AuthorityId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Nomination>().WithMany().HasForeignKey(i => i.NominationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Country>().WithMany().HasForeignKey(i => i.CountryCode).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(i => i.Links).WithOne().HasForeignKey(l => l.InvitationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(i => new { i.CohortId, i.AuthorityId }).IsUnique();

        // The people who consented to the public directory, which checks consent for every certificate it lists: a
        // tenth of the invitations, read without the rest (measured in docs/performance.md, "Public directory").
        builder.HasIndex(i => new { i.CohortId, i.AuthorityId }, "IX_Invitations_DirectoryConsent").HasFilter("\"DirectoryConsent\"");
        builder.HasIndex(i => new { i.CohortId, i.CountryCode, i.Status });
    }
}

public sealed class InvitationLinkConfiguration : IEntityTypeConfiguration<InvitationLink>
{
    public void Configure(EntityTypeBuilder<InvitationLink> builder)
    {
        builder.Property(l => l.TokenHash).HasMaxLength(64);
        builder.HasIndex(l => l.TokenHash).IsUnique();
    }
}
