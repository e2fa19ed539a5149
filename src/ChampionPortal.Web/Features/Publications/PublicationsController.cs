using System.Globalization;
using ChampionPortal.Web.Domain;
using ChampionPortal.Web.Infrastructure.Auth;
using ChampionPortal.Web.Infrastructure.Localization;
using ChampionPortal.Web.Infrastructure.Tabular;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace ChampionPortal.Web.Features.Publications;

/// <summary>Published versions of the agenda and the mapping: public to read (no personal data), published by staff.</summary>
[Route("publications")]
public sealed class PublicationsController(PublicationService publications, IAuthorizationService authorization) : Controller
{
    [HttpGet(""), AllowAnonymous]
    public async Task<IActionResult> Index(int? cohort, CancellationToken cancellationToken) =>
        await publications.ListAsync(cohort, await authorization.AllowsAsync(User, Policies.ManageCohorts), cancellationToken) is { } page ? View(page) : NotFound();

    [HttpPost(""), Authorize(Policy = Policies.ManageCohorts)]
    public async Task<IActionResult> Publish(int cohort, PublicationKind kind, CancellationToken cancellationToken) =>
        await publications.PublishAsync(cohort, kind, cancellationToken) is { } id ? Redirect($"/publications/{id}") : NotFound();

    [HttpGet("{id:int}"), AllowAnonymous]
    public async Task<IActionResult> Show(int id, CancellationToken cancellationToken) =>
        await publications.FindAsync(id, cancellationToken: cancellationToken) is { } document ? View(document) : NotFound();

    /// <summary>The PDF in the language asked for (en, es or pt), else in the reader's.</summary>
    [HttpGet("{id:int}/pdf"), AllowAnonymous]
    public async Task<IActionResult> Pdf(int id, string? lang, CancellationToken cancellationToken)
    {
        var language = PortalCultures.IsSupported(lang) ? lang! : CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(language);
        if (await publications.FindAsync(id, language, cancellationToken) is not { } document)
        {
            return NotFound();
        }

        return File(publications.ToPdf(document), "application/pdf", $"{document.Kind.ToString().ToLowerInvariant()}-{document.CohortId}-v{document.Number}-{language}.pdf");
    }

    [HttpGet("{id:int}/export"), AllowAnonymous]
    public async Task<IActionResult> Export(int id, TabularFormat format, CancellationToken cancellationToken)
    {
        if (await publications.FindAsync(id, cancellationToken: cancellationToken) is not { } document)
        {
            return NotFound();
        }

        var (content, contentType, fileName) = TabularFile.Write(publications.ToTable(document), format, $"{document.Kind.ToString().ToLowerInvariant()}-{document.CohortId}-v{document.Number}");
        return File(content, contentType, fileName);
    }
}
