using System.Globalization;
using ChampionPortal.Web.Infrastructure.Localization;

namespace ChampionPortal.Tests.Localization;

/// <summary>Counts choose their words: CLDR's categories for the portal's languages, and every plural in the resources reads.</summary>
public sealed class PluralFormatTests
{
    [Theory]
    [InlineData("es", 1, "asistió a 1 de 1 sesión del taller, 1 requerida")]
    [InlineData("es", 2, "asistió a 1 de 2 sesiones del taller, 2 requeridas")]
    [InlineData("pt", 1, "participou de 1 de 1 sessão da oficina, 1 exigida")]
    [InlineData("pt", 2, "participou de 1 de 2 sessões da oficina, 2 exigidas")]
    [InlineData("en", 1, "attended 1 of 1 workshop session, 1 required")]
    [InlineData("en", 2, "attended 1 of 2 workshop sessions, 2 required")]
    public void The_eligibility_reason_agrees_with_its_counts(string language, int sessions, string expected)
    {
        var pattern = Resource("Features/Eligibility/EligibilityResources", language, "Reason_Attended_Workshop");

        PluralFormat.Format(CultureInfo.GetCultureInfo(language), pattern, [1, sessions, sessions]).Should().Be(expected);
    }

    [Fact]
    public void Portuguese_counts_zero_as_one_and_spanish_and_english_do_not_and_thousands_are_written_in_the_readers_format()
    {
        var pattern = "{0, plural, one {# país} other {# países}}";
        PluralFormat.Format(CultureInfo.GetCultureInfo("pt"), pattern, [0]).Should().Be("0 país");
        PluralFormat.Format(CultureInfo.GetCultureInfo("es"), pattern, [0]).Should().Be("0 países");
        PluralFormat.Format(CultureInfo.GetCultureInfo("es"), pattern, [1234]).Should().Be("1.234 países");
        PluralFormat.Format(CultureInfo.GetCultureInfo("en"), "{0, plural, =0 {none} one {# item} other {# items}}", ["0"]).Should().Be("none");
    }

    [Fact]
    public void Every_plural_in_the_resources_reads_in_its_language_for_zero_one_many_and_thousands()
    {
        var problems = new List<string>();
        foreach (var file in Directory.EnumerateFiles(Path.Combine(ResourceCompletenessTests.RepositoryRoot(), "src"), "*.resx", SearchOption.AllDirectories))
        {
            var parts = Path.GetFileName(file).Split('.');
            var culture = CultureInfo.GetCultureInfo(parts.Length == 3 ? parts[1] : "en");
            foreach (var (key, value) in ResourceCompletenessTests.Read(file).Where(r => r.Value.Contains(", plural,", StringComparison.Ordinal)))
            {
                foreach (var count in new[] { 0, 1, 2, 1000 })
                {
                    try
                    {
                        var text = PluralFormat.Format(culture, value, [.. Enumerable.Repeat<object?>(count, 6)]);
                        if (text.Contains('{', StringComparison.Ordinal) || text.Contains('#', StringComparison.Ordinal))
                        {
                            problems.Add($"{Path.GetFileName(file)} {key} ({count}): {text}");
                        }
                    }
                    catch (FormatException e)
                    {
                        problems.Add($"{Path.GetFileName(file)} {key} ({count}): {e.Message}");
                    }
                }
            }
        }

        problems.Should().BeEmpty(string.Join(Environment.NewLine, problems));
    }

    private static string Resource(string baseName, string language, string key) =>
        ResourceCompletenessTests.Read(Path.Combine(ResourceCompletenessTests.RepositoryRoot(), "src", "ChampionPortal.Web", baseName + (language == "en" ? "" : "." + language) + ".resx"))[key];
}
