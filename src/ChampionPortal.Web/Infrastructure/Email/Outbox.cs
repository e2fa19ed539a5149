using ChampionPortal.Web.Domain;

namespace ChampionPortal.Web.Infrastructure.Email;

/// <summary>Wakes a background worker of this instance as soon as there is work, instead of at its next poll.</summary>
public abstract class WorkSignal
{
    private readonly SemaphoreSlim signal = new(0, int.MaxValue);

    public void Notify() => signal.Release();

    public Task WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => signal.WaitAsync(timeout, cancellationToken);
}

/// <summary>Wakes this instance's dispatcher as soon as a message is queued.</summary>
public sealed class OutboxSignal : WorkSignal;

/// <summary>What the dispatcher did with a message, for the outbox page and for tests that wait for delivery.</summary>
public sealed class OutboxEvents
{
    public event Action<long, OutboxStatus, string?>? Attempted;

    public void Report(long id, OutboxStatus status, string? error) => Attempted?.Invoke(id, status, error);
}
