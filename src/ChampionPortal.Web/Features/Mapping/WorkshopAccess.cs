using ChampionPortal.Web.Data;
using ChampionPortal.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ChampionPortal.Web.Features.Mapping;

/// <summary>The local government whose workshop outputs (mapping, agenda items) are read or changed; none for a regional agenda item.</summary>
public sealed record WorkshopGovernment(int? LocalGovernmentId, string? CountryCode);

/// <summary>What is done with a local government's workshop outputs.</summary>
public static class WorkshopOperations
{
    public static readonly OperationAuthorizationRequirement Read = new() { Name = nameof(Read) };
    public static readonly OperationAuthorizationRequirement Edit = new() { Name = nameof(Edit) };
}

/// <summary>
/// Who may read or change a local government's workshop outputs, the record-level half of the
/// <see cref="Policies.WorkshopOutputs"/> policy: the regional team edit every local government's; an authority its
/// own local government's; country offices read their country's. Asked through <see cref="IAuthorizationService"/>
/// like every other record check, by services that load the record and by views through their models.
/// </summary>
public sealed class WorkshopAccess(PortalDbContext db) : AuthorizationHandler<OperationAuthorizationRequirement, WorkshopGovernment>
{
    /// <summary>The local government an authority holds office in; null for everyone else.</summary>
    public async Task<int?> OwnGovernmentAsync(Reach reach, CancellationToken cancellationToken = default) =>
        reach.AuthorityId is { } authorityId
            ? await db.Authorities.Where(a => a.Id == authorityId).Select(a => a.LocalGovernmentId).SingleOrDefaultAsync(cancellationToken)
            : null;

    protected override async Task HandleRequirementAsync(
        AuthorizationHandlerContext context, OperationAuthorizationRequirement requirement, WorkshopGovernment resource)
    {
        var reach = context.User.Reach();
        var edits = reach.Regional
            || resource.LocalGovernmentId is { } governmentId && await OwnGovernmentAsync(reach) == governmentId;
        var reads = edits || reach.Country is { } country && string.Equals(country, resource.CountryCode, StringComparison.Ordinal);
        if (requirement == WorkshopOperations.Edit ? edits : requirement == WorkshopOperations.Read && reads)
        {
            context.Succeed(requirement);
        }
    }
}
