using ChampionPortal.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChampionPortal.Web.Data.Configurations;

public sealed class SigningKeyConfiguration : IEntityTypeConfiguration<SigningKey>
{
    public void Configure(EntityTypeBuilder<SigningKey> builder)
    {
        builder.Property(k => k.KeyId).HasMaxLength(40);
        builder.Property(k => k.PublicJwk).HasMaxLength(2000);
        builder.Property(k => k.ProtectedPrivateKey).HasMaxLength(8000);
        builder.HasIndex(k => k.KeyId).IsUnique();

        // One current key, even when two instances create the first one at the same moment.
        builder.HasIndex(k => k.IsCurrent).IsUnique().HasFilter("\"IsCurrent\"");
    }
}

public sealed class StatusListConfiguration : IEntityTypeConfiguration<StatusList>
{
    public void Configure(EntityTypeBuilder<StatusList> builder)
    {
        builder.Property(l => l.Purpose).HasMaxLength(20);
    }
}
