using System.Security.Claims;
using ChampionPortal.Web.Infrastructure.Auth;
using ChampionPortal.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace ChampionPortal.Web.Features.Users;

/// <summary>Accounts, for Administrators: list, create with role and country or authority link, deactivate, reset lockout.</summary>
[Route("users")]
[Authorize(Policy = Policies.Administration)]
public sealed class UsersController(UserAdministration administration, IStringLocalizer<UsersResources> text) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(UserListQuery query, CancellationToken cancellationToken) =>
        View(await administration.ListAsync(query, cancellationToken));

    [HttpGet("{id:int}")]
    public async Task<IActionResult> Details(int id, CancellationToken cancellationToken) =>
        await administration.FindAsync(id, cancellationToken) is { } details ? View(details) : NotFound();

    [HttpGet("new")]
    public async Task<IActionResult> Create(CancellationToken cancellationToken) =>
        View(await administration.EditorAsync(new NewUserForm { Role = Domain.Roles.RegionalStaff, PreferredLanguage = "es" }, cancellationToken));

    [HttpPost("new")]
    public async Task<IActionResult> Create(NewUserForm form, CancellationToken cancellationToken)
    {
        if (ModelState.IsValid)
        {
            var result = await administration.CreateAsync(form, cancellationToken);
            if (result.Id is { } id)
            {
                TempData["Notice"] = text["Notice_Created", form.Email!].Value;
                return RedirectToAction(nameof(Details), new { id });
            }

            if (result.AuthorityTaken)
            {
                ModelState.AddFieldError(nameof(form.AuthorityId), text["Error_AuthorityHasAccount"]);
            }

            foreach (var error in result.Errors)
            {
                ModelState.AddModelError("", error);
            }
        }

        return View(await administration.EditorAsync(form, cancellationToken));
    }

    [HttpPost("{id:int}/{operation:regex(^(deactivate|reactivate|reset-lockout|send-password-link)$)}")]
    public async Task<IActionResult> Apply(int id, string operation, CancellationToken cancellationToken)
    {
        var userAction = operation switch
        {
            "deactivate" => UserAction.Deactivate,
            "reactivate" => UserAction.Reactivate,
            "reset-lockout" => UserAction.ResetLockout,
            _ => UserAction.SendPasswordLink,
        };
        var actingUserId = int.Parse(User.FindFirstValue(ClaimTypes.NameIdentifier)!, System.Globalization.CultureInfo.InvariantCulture);
        if (await administration.FindAsync(id, cancellationToken) is null)
        {
            return NotFound();
        }

        TempData["Notice"] = await administration.ApplyAsync(id, userAction, actingUserId, cancellationToken)
            ? text["Notice_" + userAction].Value
            : text["Error_ActionNotApplicable"].Value;
        return RedirectToAction(nameof(Details), new { id });
    }
}
