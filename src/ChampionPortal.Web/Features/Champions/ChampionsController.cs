using System.Text.Json;
using ChampionPortal.Web.Features.Certificates;
using ChampionPortal.Web.Infrastructure.Tabular;
using ChampionPortal.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace ChampionPortal.Web.Features.Champions;

/// <summary>Marker for this feature's resource files (ChampionsResources.resx, .es.resx, .pt.resx).</summary>
public sealed class ChampionsResources;

/// <summary>The public champions directory, its map, and its open data. No sign-in; no personal data without consent.</summary>
[AllowAnonymous]
public sealed class ChampionsController(ChampionsService champions, PublicUrls urls) : Controller
{
    [HttpGet("champions")]
    public async Task<IActionResult> Index(string? cohort, string? country, string? q, int gpage = 1, int ppage = 1, CancellationToken cancellationToken = default) =>
        View(await champions.PageAsync(cohort, string.IsNullOrWhiteSpace(country) ? null : country.Trim().ToUpperInvariant(), q, gpage, ppage, cancellationToken));

    /// <summary>The public directory of every cohort, or of one (<c>/open-data/champions/2023.csv</c>), as CSV or JSON.</summary>
    [HttpGet("open-data/champions.{format:regex(^(csv|json)$)}")]
    [HttpGet("open-data/champions/{cohort}.{format:regex(^(csv|json)$)}")]
    public async Task<IActionResult> OpenData(string? cohort, string format, CancellationToken cancellationToken)
    {
        if (await champions.OpenDataAsync(cohort, cancellationToken) is not { } data)
        {
            return NotFound();
        }

        var table = ChampionsService.ToTable(data.Rows, code => urls.Absolute($"/verify/{code}"));
        if (format == "csv")
        {
            var (content, contentType, _) = TabularFile.Write(table, TabularFormat.Csv, data.Name);
            return File(content, contentType);
        }

        var records = table.Rows.Select(row => table.Header.Select((name, i) => (name, value: row[i])).ToDictionary(c => c.name, c => c.value));
        return File(JsonSerializer.SerializeToUtf8Bytes(records, new JsonSerializerOptions { WriteIndented = true }), "application/json");
    }
}
