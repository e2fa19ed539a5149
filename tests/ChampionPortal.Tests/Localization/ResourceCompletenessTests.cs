using System.Xml.Linq;
using ChampionPortal.Testing;

namespace ChampionPortal.Tests.Localization;

public sealed class ResourceCompletenessTests
{
    public static TheoryData<string> NeutralResourceFiles()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(Path.Combine(RepositoryRoot(), "src"), "*.resx", SearchOption.AllDirectories)
                     .Where(f => Path.GetFileNameWithoutExtension(f).IndexOf('.', StringComparison.Ordinal) < 0)
                     .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)))
        {
            data.Add(Path.GetRelativePath(RepositoryRoot(), file));
        }

        return data;
    }

    [Fact]
    public void There_are_resource_files_to_check() => NeutralResourceFiles().Should().HaveCountGreaterThan(2);

    [Theory]
    [MemberData(nameof(NeutralResourceFiles))]
    public void Every_key_exists_in_English_Spanish_and_Portuguese_with_text(string neutralFile)
    {
        var english = Read(Path.Combine(RepositoryRoot(), neutralFile));
        foreach (var language in new[] { "es", "pt" })
        {
            var translated = Read(Path.ChangeExtension(Path.Combine(RepositoryRoot(), neutralFile), $".{language}.resx"));
            translated.Keys.Should().BeEquivalentTo(english.Keys, $"{neutralFile} in {language} must have exactly the English keys");
            translated.Where(t => string.IsNullOrWhiteSpace(t.Value)).Should().BeEmpty($"no {language} text may be empty");
            foreach (var (key, text) in english)
            {
                // A language may also use a count that English leaves out, only to choose its own plural form.
                Placeholders(translated[key]).Except(PluralChoices(translated[key])).Should().BeSubsetOf(Placeholders(text), $"{key} in {language} must use only the English placeholders");
                Placeholders(text).Except(Placeholders(translated[key])).Should().BeEmpty($"{key} in {language} must keep the placeholders");
            }
        }
    }

    internal static Dictionary<string, string> Read(string path) =>
        XDocument.Load(path).Root!.Elements("data")
            .ToDictionary(d => (string)d.Attribute("name")!, d => (string?)d.Element("value") ?? "");

    /// <summary>The arguments a text uses, whether plainly ("{0}"), formatted ("{0:N0}") or choosing a plural ("{0, plural, …}").</summary>
    private static IEnumerable<string> Placeholders(string text) =>
        System.Text.RegularExpressions.Regex.Matches(text, @"\{(\d+)[}:,]").Select(m => m.Groups[1].Value).Distinct();

    private static IEnumerable<string> PluralChoices(string text) =>
        System.Text.RegularExpressions.Regex.Matches(text, @"\{(\d+), plural,").Select(m => m.Groups[1].Value).Distinct();

    internal static string RepositoryRoot() =>
        TestPaths.RepositoryRoot?.FullName ?? throw new InvalidOperationException("ChampionPortal.sln not found above the test output.");
}
