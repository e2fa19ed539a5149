using ChampionPortal.Web.Features.Shared;
using ChampionPortal.Web.Infrastructure.Auth;
using ChampionPortal.Web.Infrastructure.Tabular;
using ChampionPortal.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace ChampionPortal.Web.Features.Authorities;

/// <summary>
/// Authorities (people) for RegionalStaff and Administrators (all countries) and CountryOffice users (their own).
/// Every action that takes an id checks the record's country; another country's record answers 404.
/// </summary>
[Route("authorities")]
[Authorize(Policy = Policies.ManageAuthorities)]
public sealed class AuthoritiesController(
    AuthorityService authorities, IStringLocalizer<AuthoritiesResources> text) : RecordController
{
    /// <summary>Everything held about the person, as JSON, for an Administrator answering a request about personal data.</summary>
    [HttpGet("{id:int}/personal-data"), Authorize(Policy = Policies.Administration)]
    public async Task<IActionResult> PersonalData(int id, [FromServices] PersonalDataExport export, CancellationToken cancellationToken) =>
        await export.ExportAsync(id, cancellationToken) is { } json ? File(json, "application/json", $"authority-{id}-personal-data.json") : NotFound();

    [HttpGet("{id:int}/erase"), Authorize(Policy = Policies.Administration)]
    public async Task<IActionResult> Erase(int id, CancellationToken cancellationToken) =>
        await authorities.FindAsync(id, cancellationToken) is { } details ? View("ConfirmErase", details) : NotFound();

    /// <summary>Erases the person on request, keeping the anonymous record for the figures and certificate verification.</summary>
    [HttpPost("{id:int}/erase"), Authorize(Policy = Policies.Administration)]
    public async Task<IActionResult> Erase(int id, [FromServices] PersonErasure erasure, CancellationToken cancellationToken)
    {
        if (!await erasure.EraseAsync(id, cancellationToken))
        {
            return NotFound();
        }

        TempData["Notice"] = text["Notice_Erased"].Value;
        return Redirect($"/authorities/{id}");
    }

    [HttpGet("")]
    public async Task<IActionResult> Index(AuthorityListQuery query, CancellationToken cancellationToken) =>
        View(await authorities.ListAsync(query, User.CountryScope(), cancellationToken));

    [HttpGet("export")]
    public async Task<IActionResult> Export(AuthorityListQuery query, TabularFormat format, CancellationToken cancellationToken)
    {
        var (content, contentType, fileName) = TabularFile.Write(await authorities.ExportAsync(query, User.CountryScope(), cancellationToken), format, "authorities");
        return File(content, contentType, fileName);
    }

    [HttpGet("{id:int}")]
    public async Task<IActionResult> Details(int id, CancellationToken cancellationToken)
    {
        var details = await authorities.FindAsync(id, cancellationToken);
        return await InScopeAsync(details) ? View(details) : NotFound();
    }

    [HttpGet("new")]
    public async Task<IActionResult> Create(CancellationToken cancellationToken) =>
        View("Edit", await authorities.EditorAsync(null, AuthorityService.NewForm(User.CountryScope()), User.CountryScope(), cancellationToken));

    [HttpPost("new")]
    public async Task<IActionResult> Create(AuthorityForm form, CancellationToken cancellationToken)
    {
        await CheckAsync(null, form, cancellationToken);
        if (!ModelState.IsValid)
        {
            return View("Edit", await authorities.EditorAsync(null, form, User.CountryScope(), cancellationToken));
        }

        var id = await authorities.CreateAsync(form, cancellationToken);
        TempData["Notice"] = text["Notice_Created"].Value;
        return RedirectToAction(nameof(Details), new { id });
    }

    [HttpGet("{id:int}/edit")]
    public async Task<IActionResult> Edit(int id, CancellationToken cancellationToken)
    {
        var details = await authorities.FindAsync(id, cancellationToken);
        return await InScopeAsync(details)
            ? View(await authorities.EditorAsync(id, AuthorityService.FormFrom(details!), User.CountryScope(), cancellationToken))
            : NotFound();
    }

    [HttpPost("{id:int}/edit")]
    public async Task<IActionResult> Edit(int id, AuthorityForm form, CancellationToken cancellationToken)
    {
        if (!await InScopeAsync(await authorities.FindAsync(id, cancellationToken)))
        {
            return NotFound();
        }

        await CheckAsync(id, form, cancellationToken);
        return await SaveEditAsync(
                nameof(Domain.Authority), id, form, () => authorities.UpdateAsync(id, form, cancellationToken),
                async () => (await authorities.FindAsync(id, cancellationToken))?.Version, text["Notice_Saved"], text["Error_Conflict"])
            ?? View(await authorities.EditorAsync(id, form, User.CountryScope(), cancellationToken));
    }

    [HttpGet("{id:int}/delete")]
    public async Task<IActionResult> Delete(int id, CancellationToken cancellationToken)
    {
        var details = await authorities.FindAsync(id, cancellationToken);
        return await InScopeAsync(details) ? View("ConfirmDelete", Confirmation(details!)) : NotFound();
    }

    [HttpPost("{id:int}/delete")]
    public async Task<IActionResult> Delete(int id, int version, CancellationToken cancellationToken)
    {
        var details = await authorities.FindAsync(id, cancellationToken);
        if (!await InScopeAsync(details))
        {
            return NotFound();
        }

        return await AfterDeleteAsync(
            await authorities.DeleteAsync(id, version, cancellationToken), text["Notice_Deleted", details!.FullName], "/authorities",
            () => authorities.FindAsync(id, cancellationToken), Confirmation, text["Error_HasAccount"], text["Error_Conflict"]);
    }

    private async Task CheckAsync(int? id, AuthorityForm form, CancellationToken cancellationToken)
    {
        var problems = await authorities.CheckAsync(id, form, User.CountryScope(), cancellationToken);
        if (problems.EmailTaken)
        {
            ModelState.AddFieldError(nameof(form.Email), text["Error_EmailTaken"]);
        }

        if (problems.LocalGovernmentOutsideCountry)
        {
            ModelState.AddFieldError(nameof(form.LocalGovernmentId), text["Error_LocalGovernmentOutsideCountry"]);
        }

        if (problems.CountryOutOfScope)
        {
            ModelState.AddFieldError(nameof(form.CountryCode), text["Error_CountryOutOfScope"]);
        }
    }

    private DeleteConfirmation Confirmation(AuthorityDetails details) => new(
        text["Delete_Title"],
        [new(text["List_Title"], "/authorities"), new(details.FullName, $"/authorities/{details.Id}"), new(text["Delete_Title"])],
        text["Delete_Question", details.FullName],
        details.HasAccount ? text["Error_HasAccount"].Value : details.HasRecords ? text["Error_HasRecords"].Value : null,
        $"/authorities/{details.Id}/delete",
        details.Version,
        $"/authorities/{details.Id}");

}
