using System.Text.RegularExpressions;
using AngleSharp.Dom;

namespace ChampionPortal.Tests.Localization;

/// <summary>
/// Finds English left on a Spanish or Portuguese page: a text that is, whole, the English value of a resource whose
/// translation differs; or that holds a phrase of three words or more from one (the words between a resource's
/// placeholders included), wherever it stands in the text.
/// </summary>
public sealed partial class EnglishLeftovers
{
    private readonly HashSet<string> wholes = new(StringComparer.Ordinal);
    private readonly List<(string Phrase, Regex Pattern)> phrases = [];

    public EnglishLeftovers(string language)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var neutral in Directory.EnumerateFiles(Path.Combine(ResourceCompletenessTests.RepositoryRoot(), "src"), "*.resx", SearchOption.AllDirectories)
                     .Where(f => Path.GetFileName(f).Count(c => c == '.') == 1))
        {
            var english = ResourceCompletenessTests.Read(neutral);
            var translated = ResourceCompletenessTests.Read(Path.ChangeExtension(neutral, $".{language}.resx"));
            foreach (var (key, value) in english)
            {
                if (!translated.TryGetValue(key, out var other) || other.Trim() == value.Trim())
                {
                    continue;
                }

                var text = value.Trim();
                if (text.Length >= 4 && !text.Contains('{'))
                {
                    wholes.Add(text);
                }

                // The sentences between placeholders, and the choices of a plural, that the translation does not share.
                var pieces = Placeholder().Split(text).Concat(Placeholder().Matches(text).SelectMany(p => Choice().Matches(p.Value).Select(c => c.Groups[1].Value)));
                foreach (var phrase in pieces.SelectMany(p => Sentence().Split(p.Replace("#", " ", StringComparison.Ordinal))).Select(p => Edge().Replace(p, "")))
                {
                    if (Word().Matches(phrase).Count >= 3 && !other.Contains(phrase, StringComparison.Ordinal) && seen.Add(phrase))
                    {
                        phrases.Add((phrase, new Regex(@"(?<!\w)" + Regex.Escape(phrase) + @"(?!\w)", RegexOptions.CultureInvariant)));
                    }
                }
            }
        }
    }

    /// <summary>Each English text or phrase on the page, quoted with where it stands.</summary>
    public IEnumerable<string> On(IDocument page) =>
        LocalizedPagesWalkTests.Texts(page).SelectMany(text =>
            wholes.Contains(text)
                ? [$"\"{text}\""]
                : phrases.Where(p => p.Pattern.IsMatch(text)).Select(p => $"\"{p.Phrase}\" in \"{text}\""));

    // A placeholder ({0}, {0:d}) or a plural ({n, plural, one {…} other {…}}), with what it holds.
    [GeneratedRegex(@"\{[^{}]*(?:\{[^{}]*\}[^{}]*)*\}")]
    private static partial Regex Placeholder();

    // A choice of a plural: "one {# country}".
    [GeneratedRegex(@"\{([^{}]*)\}")]
    private static partial Regex Choice();

    [GeneratedRegex(@"(?<=[.;:!?])\s+|\s+—\s+")]
    private static partial Regex Sentence();

    [GeneratedRegex(@"^[\s\p{P}]+|[\s\p{P}]+$")]
    private static partial Regex Edge();

    [GeneratedRegex(@"\p{L}{2,}")]
    private static partial Regex Word();
}

public sealed class EnglishLeftoversTests
{
    [Theory]
    [InlineData("<p>Hola.</p><p>The password must have at least 12 characters.</p>", "The password must have at least")]
    [InlineData("<h2><strong>8</strong> champion local governments en 3 países</h2>", "champion local governments")]
    [InlineData("<p>Faltan datos. Someone else changed this record after you opened it.</p>", "Someone else changed this record after you opened it")]
    public void English_words_around_a_number_or_inside_a_longer_text_are_found(string body, string phrase)
    {
        var page = new AngleSharp.Html.Parser.HtmlParser().ParseDocument($"<html lang=\"es\"><body>{body}</body></html>");

        new EnglishLeftovers("es").On(page).Should().Contain(found => found.Contains(phrase, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("<p>Se invitaron 8 autoridades de 3 países.</p>")]
    [InlineData("<p>Título: <span lang=\"en\">The password must have at least twelve characters</span></p>")]
    public void Spanish_and_text_marked_as_english_are_not(string body)
    {
        var page = new AngleSharp.Html.Parser.HtmlParser().ParseDocument($"<html lang=\"es\"><body>{body}</body></html>");

        new EnglishLeftovers("es").On(page).Should().BeEmpty();
    }
}
