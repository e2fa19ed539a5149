using Microsoft.Extensions.DependencyInjection;

namespace ChampionPortal.Testing;

/// <summary>The portal's clock, moved on by the test: real time plus however far the test moved it.</summary>
public sealed class MovableClock : TimeProvider
{
    private long ticks;

    public override DateTimeOffset GetUtcNow() => base.GetUtcNow().AddTicks(Interlocked.Read(ref ticks));

    public void MoveOn(TimeSpan by) => Interlocked.Add(ref ticks, by.Ticks);
}

/// <summary>A portal whose clock the test moves on (to pass an interval without waiting for it).</summary>
public sealed class MovableClockFixture : PortalFixture
{
    public MovableClock Clock { get; } = new();

    protected override PortalAppFactory CreateFactory(string connectionString)
    {
        var factory = new PortalAppFactory(connectionString);
        factory.OverrideServices(services => services.AddSingleton<TimeProvider>(Clock));
        return factory;
    }
}
