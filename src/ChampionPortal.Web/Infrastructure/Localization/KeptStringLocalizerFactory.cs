using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace ChampionPortal.Web.Infrastructure.Localization;

/// <summary>
/// The resource localizers, with every string they found kept per language. .NET's ResourceManager takes a lock
/// on every lookup; a page looks up a hundred or more strings, and under load on two cores the requests queued on
/// those locks (measured in docs/performance.md). Strings not found are not kept, so a
/// lookup with an unexpected key cannot grow the cache.
/// </summary>
public sealed class KeptStringLocalizerFactory(IOptions<LocalizationOptions> options, ILoggerFactory loggerFactory) : IStringLocalizerFactory
{
    private readonly ResourceManagerStringLocalizerFactory resources = new(options, loggerFactory);
    private readonly ConcurrentDictionary<Type, IStringLocalizer> byType = new();
    private readonly ConcurrentDictionary<(string BaseName, string Location), IStringLocalizer> byName = new();

    public IStringLocalizer Create(Type resourceSource) =>
        byType.GetOrAdd(resourceSource, type => new KeptStringLocalizer(resources.Create(type)));

    public IStringLocalizer Create(string baseName, string location) =>
        byName.GetOrAdd((baseName, location), key => new KeptStringLocalizer(resources.Create(key.BaseName, key.Location)));
}

/// <summary>One resource's strings, kept per UI culture once found (see <see cref="KeptStringLocalizerFactory"/>).</summary>
public sealed class KeptStringLocalizer(IStringLocalizer resources) : IStringLocalizer
{
    private readonly ConcurrentDictionary<(string Culture, string Name), LocalizedString> found = new();

    public LocalizedString this[string name]
    {
        get
        {
            var key = (CultureInfo.CurrentUICulture.Name, name);
            if (found.TryGetValue(key, out var kept))
            {
                return kept;
            }

            var looked = resources[name];
            if (!looked.ResourceNotFound)
            {
                found.TryAdd(key, looked);
            }

            return looked;
        }
    }

    public LocalizedString this[string name, params object[] arguments]
    {
        get
        {
            var format = this[name];
            return new LocalizedString(name, PluralFormat.Format(CultureInfo.CurrentCulture, format.Value, arguments), format.ResourceNotFound, format.SearchedLocation);
        }
    }

    public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) => resources.GetAllStrings(includeParentCultures);
}
