using System.Security.Claims;

namespace ChampionPortal.Web.Infrastructure.Auditing;

/// <summary>
/// Who is changing data now: the signed-in user of the current request, or a named step (a CLI command, a
/// seeding step) that has declared itself with <see cref="Begin"/>.
/// </summary>
public sealed class AuditActor(IHttpContextAccessor httpContextAccessor)
{
    private static readonly AsyncLocal<string?> DeclaredActor = new();

    public static IDisposable Begin(string actor)
    {
        var previous = DeclaredActor.Value;
        DeclaredActor.Value = actor;
        return new Restore(previous);
    }

    public (int? UserId, string Name) Current()
    {
        if (DeclaredActor.Value is { } declared)
        {
            return (null, declared);
        }

        var user = httpContextAccessor.HttpContext?.User;
        if (user?.Identity?.IsAuthenticated == true)
        {
            var id = int.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var parsed) ? parsed : (int?)null;
            return (id, user.Identity.Name ?? "user");
        }

        return (null, httpContextAccessor.HttpContext is null ? "system" : "anonymous");
    }

    private sealed class Restore(string? previous) : IDisposable
    {
        public void Dispose() => DeclaredActor.Value = previous;
    }
}
