using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace ChampionPortal.Tests.Localization;

/// <summary>
/// Every literal key the code asks a localizer for exists in the resource file that localizer reads, so no page
/// ever shows a raw key. Keys built at run time (such as "Kind_" + kind) are checked by the page tests.
/// </summary>
public sealed partial class ResourceKeyUsageTests
{
    private static readonly string Source = Path.Combine(ResourceCompletenessTests.RepositoryRoot(), "src", "ChampionPortal.Web");

    [Fact]
    public void Every_literal_key_in_views_and_code_exists_in_its_resource_file()
    {
        var resources = Directory.EnumerateFiles(Source, "*.resx", SearchOption.AllDirectories)
            .Where(f => Path.GetFileNameWithoutExtension(f).IndexOf('.', StringComparison.Ordinal) < 0 && !f.Contains("/obj/", StringComparison.Ordinal))
            .ToDictionary(f => Path.GetFileNameWithoutExtension(f), f => XDocument.Load(f).Root!.Elements("data").Select(d => (string)d.Attribute("name")!).ToHashSet());
        var missing = new List<string>();
        var checkedKeys = 0;

        foreach (var file in Directory.EnumerateFiles(Source, "*.*", SearchOption.AllDirectories)
                     .Where(f => (f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".cshtml", StringComparison.Ordinal))
                         && !f.Contains("/obj/", StringComparison.Ordinal) && !f.Contains("/Migrations/", StringComparison.Ordinal)))
        {
            var content = File.ReadAllText(file);
            var aliases = AliasesIn(file, content);
            foreach (Match use in LocalizerUse().Matches(content))
            {
                if (aliases.TryGetValue(use.Groups["alias"].Value, out var resource))
                {
                    checkedKeys++;
                    if (!resources[resource].Contains(use.Groups["key"].Value))
                    {
                        missing.Add($"{Path.GetRelativePath(Source, file)}: {use.Groups["key"].Value} not in {resource}");
                    }
                }
            }

            foreach (Match attribute in AttributeKey().Matches(content).Concat(LocalizedError().Matches(content)))
            {
                checkedKeys++;
                if (!resources["SharedResources"].Contains(attribute.Groups["key"].Value))
                {
                    missing.Add($"{Path.GetRelativePath(Source, file)}: {attribute.Groups["key"].Value} not in SharedResources");
                }
            }
        }

        checkedKeys.Should().BeGreaterThan(100);
        missing.Should().BeEmpty();
    }

    /// <summary>Which resource each localizer variable of the file reads: T is shared; others are injected or passed in.</summary>
    private static Dictionary<string, string> AliasesIn(string file, string content)
    {
        var aliases = new Dictionary<string, string>(StringComparer.Ordinal) { ["T"] = "SharedResources" };
        var imports = Path.Combine(Path.GetDirectoryName(file)!, "_ViewImports.cshtml");
        var declarations = content + (file.EndsWith(".cshtml", StringComparison.Ordinal) && File.Exists(imports) ? File.ReadAllText(imports) : "");
        foreach (Match declaration in LocalizerDeclaration().Matches(declarations))
        {
            aliases[declaration.Groups["alias"].Value] = declaration.Groups["type"].Value;
        }

        return aliases;
    }

    [GeneratedRegex(@"\b(?<alias>[A-Za-z]+)\[""(?<key>[A-Za-z0-9_]+)""[\],]")]
    private static partial Regex LocalizerUse();

    [GeneratedRegex(@"IStringLocalizer<(?<type>\w+)>\s+(?<alias>\w+)")]
    private static partial Regex LocalizerDeclaration();

    [GeneratedRegex(@"(?:ErrorMessage|Name)\s*=\s*""(?<key>[A-Z][A-Za-z]+_[A-Za-z0-9_]+)""")]
    private static partial Regex AttributeKey();

    [GeneratedRegex(@"Localized\.Error\(\w+,\s*""(?<key>[A-Za-z0-9_]+)""")]
    private static partial Regex LocalizedError();
}
