using System.Globalization;
using ChampionPortal.Testing;
using ChampionPortal.Web.Infrastructure.Localization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;

namespace ChampionPortal.Tests.Localization;

public sealed class KeptStringLocalizerTests(PortalFixture fixture) : IClassFixture<PortalFixture>
{
    [Fact]
    public void Kept_strings_follow_the_readers_language_and_format_their_arguments_in_it()
    {
        var text = fixture.App.Services.GetRequiredService<IStringLocalizer<SharedResources>>();
        var seen = new Dictionary<string, string>();
        var original = CultureInfo.CurrentUICulture;
        try
        {
            // Twice each, so that the second reading of each language comes from what was kept.
            foreach (var culture in new[] { "en", "es", "pt", "en", "es", "pt" })
            {
                CultureInfo.CurrentUICulture = CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo(culture);
                var value = text["Language_es"].Value;
                seen.TryAdd(culture, value);
                value.Should().Be(seen[culture], "the kept string is the one of this language");
                text["Binding_ValueInvalid", "x"].Value.Should().Contain("x").And.NotContain("{0}");
            }

            seen.Values.Distinct().Should().HaveCount(3, "English, Spanish and Portuguese name Spanish differently");
            var missing = text["No such resource " + Guid.NewGuid()];
            missing.ResourceNotFound.Should().BeTrue("an unknown key is answered with itself, as before");
        }
        finally
        {
            CultureInfo.CurrentUICulture = CultureInfo.CurrentCulture = original;
        }
    }
}
