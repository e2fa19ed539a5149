using ChampionPortal.Web.Domain;

namespace ChampionPortal.Testing;

/// <summary>Records written straight to a test's database, for tests whose subject is something else.</summary>
public static class TestData
{
    public static async Task<int> AddLocalGovernmentAsync(this PortalAppFactory app, string name, string countryCode, LocalGovernmentKind kind = LocalGovernmentKind.Municipality)
    {
        var government = new LocalGovernment { Name = name, CountryCode = countryCode, Kind = kind, TimeZone = CountryTimeZones.DefaultFor(countryCode) };
        await app.WithDbAsync(async db =>
        {
            db.LocalGovernments.Add(government);
            return await db.SaveChangesAsync();
        });
        return government.Id;
    }

    public static async Task<int> AddAuthorityAsync(this PortalAppFactory app, string fullName, int localGovernmentId, string countryCode)
    {
        var authority = new Authority
        {
            FullName = fullName,
            Position = "Mayor",
            Email = $"{Guid.NewGuid():N}@test.example.org",
            CountryCode = countryCode,
            LocalGovernmentId = localGovernmentId,
        };
        await app.WithDbAsync(async db =>
        {
            db.Authorities.Add(authority);
            return await db.SaveChangesAsync();
        });
        return authority.Id;
    }
}
