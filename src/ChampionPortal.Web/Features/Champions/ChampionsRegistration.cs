namespace ChampionPortal.Web.Features.Champions;

public static class ChampionsRegistration
{
    public static IServiceCollection AddChampionsFeature(this IServiceCollection services)
    {
        services.AddScoped<ChampionsService>();

        // Natural Earth's shapes, restored by the build into wwwroot/lib, decoded once on first use.
        services.AddSingleton(sp => new SouthAmericaMap(
            Path.Combine(sp.GetRequiredService<IWebHostEnvironment>().WebRootPath, "lib", "world-atlas", "countries-50m.json")));
        return services;
    }
}
