using System.Collections.Concurrent;
using PdfSharp.Fonts;

namespace ChampionPortal.Web.Infrastructure.Pdf;

/// <summary>
/// PDFsharp's fonts on every platform: the TTF files the build restores from npm into wwwroot/lib/fonts (Linux has
/// no fonts PDFsharp could find by itself). Families: "Source Sans 3" for text, "EB Garamond" for display.
/// </summary>
public sealed class PortalFonts : IFontResolver
{
    public const string Text = "Source Sans 3";
    public const string Display = "EB Garamond";

    private static readonly Lock InstallLock = new();
    private readonly string folder;
    private readonly ConcurrentDictionary<string, byte[]> cache = new();

    private PortalFonts(string folder) => this.folder = folder;

    /// <summary>
    /// Installs the resolver once per process (PDFsharp's setting is global); later calls keep the first. The fonts
    /// are looked for in the web root, then beside the assembly (where the build also copies them).
    /// </summary>
    public static void Install(string? webRoot)
    {
        lock (InstallLock)
        {
            var folder = new[] { webRoot, AppContext.BaseDirectory }.OfType<string>().Select(root => Path.Combine(root, "lib", "fonts"))
                .Prepend(Path.Combine(AppContext.BaseDirectory, "wwwroot", "lib", "fonts"))
                .FirstOrDefault(f => File.Exists(Path.Combine(f, "SourceSans3_400Regular.ttf")));
            GlobalFontSettings.FontResolver ??= new PortalFonts(folder ?? throw new InvalidOperationException("The PDF fonts were not found: build the web project so that npm restores them into wwwroot/lib/fonts."));
        }
    }

    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic)
    {
        var face = familyName.StartsWith("EB Garamond", StringComparison.OrdinalIgnoreCase) ? "EBGaramond" : "SourceSans3";
        var weight = bold ? "700Bold" : face == "EBGaramond" ? "400Regular" : "400Regular";
        return new FontResolverInfo($"{face}_{weight}{(italic ? "_Italic" : "")}");
    }

    public byte[]? GetFont(string faceName) =>
        cache.GetOrAdd(faceName, name => File.ReadAllBytes(Path.Combine(folder, name + ".ttf")));
}
