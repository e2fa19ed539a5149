using ChampionPortal.Web.Infrastructure.Auth;
using ChampionPortal.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;

namespace ChampionPortal.Web.Features.Certificates;

/// <summary>
/// Certificates: staff issue, revoke and supersede; everyone signed in lists and downloads what they may have (staff
/// all, a country office its country's, an authority its own and its local government's); anyone else gets 404.
/// </summary>
[Route("certificates")]
[Authorize(Policy = Policies.WorkshopOutputs)]
public sealed class CertificatesController(
    CertificateOverview overview, CertificateFiles files, OpenBadgeCredentials credentials, CertificateRevocation revocation, CertificateIssuanceService issuance,
    IStringLocalizer<CertificatesResources> text) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CertificateListQuery query, CancellationToken cancellationToken) => View(await overview.ListAsync(User, query, cancellationToken));

    /// <summary>Starts a background issuance; the certificates page then shows its progress.</summary>
    [HttpPost("issue"), Authorize(Policy = Policies.ManageCohorts)]
    public async Task<IActionResult> Issue(int cohort, List<string>? recipients, CancellationToken cancellationToken)
    {
        // The form lists every pending recipient, ticked; staff untick those not to issue now.
        var started = await issuance.StartAsync(cohort, recipients ?? [], notify: true, User.Identity?.Name, cancellationToken);
        TempData["Notice"] = started is null ? text["Notice_NothingToIssue"].Value : text["Notice_IssuanceStarted", recipients?.Count ?? 0].Value;
        return Redirect($"/certificates?cohort={cohort}");
    }

    /// <summary>An issuance's progress, for the progress bar's script.</summary>
    [HttpGet("issuance/{id:int}"), Authorize(Policy = Policies.ManageCohorts)]
    public async Task<IActionResult> Progress(int id, CancellationToken cancellationToken) =>
        await issuance.ProgressAsync(id, cancellationToken) is { } progress
            ? Json(new { progress.Total, progress.Issued, progress.Skipped, progress.Failed, progress.Pending, progress.Percent, progress.Finished })
            : NotFound();

    [HttpGet("{id:int}/pdf")]
    public async Task<IActionResult> Pdf(int id, CancellationToken cancellationToken) =>
        await files.PdfAsync(User, id, cancellationToken) is { } pdf ? File(pdf.Pdf, "application/pdf", pdf.FileName) : NotFound();

    [HttpGet("serial/{serial}")]
    public async Task<IActionResult> PdfBySerial(string serial, CancellationToken cancellationToken) =>
        await files.PdfBySerialAsync(User, serial, cancellationToken) is { } pdf ? File(pdf.Pdf, "application/pdf", pdf.FileName) : NotFound();

    /// <summary>A ZIP of a cohort's valid certificates (one country's with ?country=); staff and country offices.</summary>
    [HttpGet("zip"), Authorize(Policy = Policies.ViewNominations)]
    public async Task<IActionResult> Zip(int cohort, string? country, CancellationToken cancellationToken) =>
        File(await files.ZipAsync(User, cohort, country, cancellationToken), "application/zip", $"certificates-{cohort}{(string.IsNullOrWhiteSpace(country) ? "" : "-" + country)}.zip");

    /// <summary>The Open Badges credential as JSON, for people to read: the signed token's payload.</summary>
    [HttpGet("{id:int}/badge")]
    public async Task<IActionResult> Badge(int id, CancellationToken cancellationToken) =>
        await credentials.ForAsync(User, id, cancellationToken) is { } badge
            ? File(System.Text.Encoding.UTF8.GetBytes(badge.Credential.ToJsonString(OpenBadgeProfiles.Readable)), "application/ld+json", $"certificate-{id}-open-badge.json")
            : NotFound();

    /// <summary>The signed credential (VC-JWT), for wallets and verifiers.</summary>
    [HttpGet("{id:int}/badge.jwt")]
    public async Task<IActionResult> SignedBadge(int id, CancellationToken cancellationToken) =>
        await credentials.ForAsync(User, id, cancellationToken) is { } badge
            ? File(System.Text.Encoding.ASCII.GetBytes(badge.Jwt), "application/vc+jwt", $"certificate-{id}-open-badge.jwt")
            : NotFound();

    /// <summary>The badge image with the signed credential baked in.</summary>
    [HttpGet("{id:int}/badge.svg")]
    public async Task<IActionResult> BakedBadge(int id, CancellationToken cancellationToken) =>
        await credentials.ForAsync(User, id, cancellationToken) is { } badge
            ? File(
                System.Text.Encoding.UTF8.GetBytes(BadgeImage.Svg(badge.Credential["credentialSubject"]!["achievement"]!["name"]!.GetValue<string>(), badge.Jwt)),
                "image/svg+xml",
                $"certificate-{id}-open-badge.svg")
            : NotFound();

    [HttpPost("{id:int}/revoke"), Authorize(Policy = Policies.ManageCohorts)]
    public async Task<IActionResult> Revoke(int id, int cohort, string? reason, bool confirmed, CancellationToken cancellationToken)
    {
        var problem = ReasonProblem(reason);

        // A revocation is shown first with what it does; only the confirmed form revokes.
        if (problem is null && !confirmed && await revocation.ConfirmationAsync(id, cohort, reason!, cancellationToken) is { } confirmation)
        {
            return View("ConfirmRevoke", confirmation);
        }

        TempData["Notice"] = problem ?? (await revocation.RevokeAsync(id, reason!, cancellationToken) ? text["Notice_Revoked"].Value : text["Error_NotValid"].Value);
        return Redirect($"/certificates?cohort={cohort}");
    }

    /// <summary>Issues a new certificate to the recipient of a revoked one: staff's explicit decision, with its reason.</summary>
    [HttpPost("{id:int}/reissue"), Authorize(Policy = Policies.ManageCohorts)]
    public async Task<IActionResult> Reissue(int id, int cohort, string? reason, CancellationToken cancellationToken)
    {
        TempData["Notice"] = ReasonProblem(reason) ?? (await revocation.ReissueAsync(id, reason!, cancellationToken) is not null ? text["Notice_Reissued"].Value : text["Error_NotRevoked"].Value);
        return Redirect($"/certificates?cohort={cohort}");
    }

    [HttpPost("{id:int}/supersede"), Authorize(Policy = Policies.ManageCohorts)]
    public async Task<IActionResult> Supersede(int id, int cohort, CancellationToken cancellationToken)
    {
        TempData["Notice"] = await revocation.SupersedeAsync(id, cancellationToken) is not null ? text["Notice_Superseded"].Value : text["Error_NotValid"].Value;
        return Redirect($"/certificates?cohort={cohort}");
    }

    /// <summary>What is wrong with a revocation's or reissue's reason (required, as long as its column allows), or null.</summary>
    private string? ReasonProblem(string? reason) =>
        string.IsNullOrWhiteSpace(reason) ? text["Error_ReasonRequired"].Value
        : reason.Trim().Length > Domain.Certificate.ReasonMaxLength ? text["Error_ReasonTooLong", Domain.Certificate.ReasonMaxLength].Value
        : null;
}

/// <summary>The public verification page of a certificate's code. No sign-in; rate-limited; never e-mail or other personal data.</summary>
[Route("verify"), AllowAnonymous, EnableRateLimiting(RateLimits.PublicLinks)]
public sealed class VerifyController(CertificateVerification verification, CredentialVerifier credentials) : Controller
{
    [HttpGet("")]
    public IActionResult Index(string? code) =>
        string.IsNullOrWhiteSpace(code) ? View("Verify", (Verification?)null) : Redirect($"/verify/{Uri.EscapeDataString(code.Trim())}");

    [HttpGet("{code}")]
    public async Task<IActionResult> Show(string code, CancellationToken cancellationToken)
    {
        var found = await verification.VerifyAsync(code, cancellationToken);
        if (found is null)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
            ViewData["Unknown"] = code;
        }

        return View("Verify", found);
    }

    /// <summary>Checks a pasted or uploaded credential (a signed token, its JSON, or a badge image) and says what holds.</summary>
    [HttpPost("credential"), RequestSizeLimit(2 * CredentialVerifier.MaxLength)]
    public async Task<IActionResult> Credential(string? credential, IFormFile? file, CancellationToken cancellationToken)
    {
        if (file is { Length: > 0 and <= CredentialVerifier.MaxLength })
        {
            using var reader = new StreamReader(file.OpenReadStream());
            credential = await reader.ReadToEndAsync(cancellationToken);
        }

        return View("VerifyCredential", await credentials.VerifyAsync(credential, cancellationToken));
    }
}
