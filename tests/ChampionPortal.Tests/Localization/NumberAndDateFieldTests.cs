using System.Net;
using ChampionPortal.Testing;
using ChampionPortal.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace ChampionPortal.Tests.Localization;

/// <summary>Every decimal, date and time field, typed in the reader's format and in the invariant one, in the three languages.</summary>
public sealed class NumberAndDateFieldTests(PortalFixture fixture) : IClassFixture<PortalFixture>
{
    [Theory]
    [InlineData("en", "-8.5", "-54.6111", -8.5, -54.6111)]
    [InlineData("es", "-8.5", "-54.6111", -8.5, -54.6111)]
    [InlineData("es", "-8,5", "-54,6111", -8.5, -54.6111)]
    [InlineData("es", "6.2442", "-75.5812", 6.2442, -75.5812)]
    [InlineData("pt", "-8.5", "-54.6111", -8.5, -54.6111)]
    [InlineData("pt", "-8,5", "-54,6111", -8.5, -54.6111)]
    [InlineData("pt", "6.2442", "-75,5812", 6.2442, -75.5812)]
    public async Task Coordinates_with_a_point_or_the_readers_comma_are_stored_as_the_number_typed(
        string language, string latitude, string longitude, double expectedLatitude, double expectedLongitude)
    {
        var name = $"Coordenadas {language} {latitude} {longitude}";
        using var staff = await fixture.App.SignedInClientAsync(Roles.RegionalStaff, language: language);

        var (response, page) = await PostLocalGovernmentAsync(staff, name, latitude, longitude);

        response.StatusCode.Should().Be(HttpStatusCode.Redirect, page.QuerySelector("[data-testid=validation-summary]")?.TextContent);
        var stored = await fixture.App.WithDbAsync(db => db.LocalGovernments.AsNoTracking().SingleAsync(l => l.Name == name));
        stored.Latitude.Should().Be(expectedLatitude);
        stored.Longitude.Should().Be(expectedLongitude);
    }

    [Theory]
    [InlineData("en", "-8,5", "The value “-8,5” is not valid for Latitude: write a number such as -34.6, with a point for decimals and no thousands separators.")]
    [InlineData("en", "1,234.5", "The value “1,234.5” is not valid for Latitude: write a number such as -34.6, with a point for decimals and no thousands separators.")]
    [InlineData("es", "1.234,5", "El valor “1.234,5” no es válido para Latitud: escriba un número como -34,6 o -34.6, sin separador de miles.")]
    [InlineData("es", "-8.500.000", "El valor “-8.500.000” no es válido para Latitud: escriba un número como -34,6 o -34.6, sin separador de miles.")]
    [InlineData("pt", "1.234,5", "O valor “1.234,5” não é válido para Latitude: escreva um número como -34,6 ou -34.6, sem separador de milhar.")]
    [InlineData("pt", "abc", "O valor “abc” não é válido para Latitude: escreva um número como -34,6 ou -34.6, sem separador de milhar.")]
    public async Task A_number_that_reads_two_ways_is_refused_in_the_readers_language_and_nothing_is_saved(string language, string latitude, string message)
    {
        var name = $"Ambigua {language} {latitude}";
        using var staff = await fixture.App.SignedInClientAsync(Roles.RegionalStaff, language: language);

        var (response, page) = await PostLocalGovernmentAsync(staff, name, latitude, "-54.6");

        ShouldBeRefused(response, page, "Form.Latitude", latitude, message);
        (await fixture.App.WithDbAsync(db => db.LocalGovernments.AnyAsync(l => l.Name == name))).Should().BeFalse();
    }

    [Theory]
    [InlineData("en", "2026-03-15", "2026-11-30")]
    [InlineData("en", "15 Mar 2026", "30 November 2026")]
    [InlineData("es", "2026-03-15", "2026-11-30")]
    [InlineData("es", "15/03/2026", "30/11/2026")]
    [InlineData("pt", "2026-03-15", "2026-11-30")]
    [InlineData("pt", "15/03/2026", "30/11/2026")]
    public async Task Cohort_dates_in_the_invariant_or_the_readers_format_are_the_same_day(string language, string start, string end)
    {
        var code = $"D-{language}-{(start.Contains('/') ? "num" : start.Contains(' ') ? "txt" : "iso")}";
        using var staff = await fixture.App.SignedInClientAsync(Roles.RegionalStaff, language: language);

        var (response, page) = await PostCohortAsync(staff, code, start, end);

        response.StatusCode.Should().Be(HttpStatusCode.Redirect, page.QuerySelector("[data-testid=validation-summary]")?.TextContent);
        var stored = await fixture.App.WithDbAsync(db => db.Cohorts.AsNoTracking().SingleAsync(c => c.Code == code));
        (stored.StartDate, stored.EndDate).Should().Be((new DateOnly(2026, 3, 15), new DateOnly(2026, 11, 30)));
    }

    [Theory]
    [InlineData("en", "03/04/2026", "The value “03/04/2026” is not valid for Start date: write the date as 2026-12-31 or 31 Dec 2026.")]
    [InlineData("es", "04/31/2026", "El valor “04/31/2026” no es válido para Fecha de inicio: escriba la fecha como 31/12/2026 o 2026-12-31.")]
    [InlineData("pt", "2026-15-03", "O valor “2026-15-03” não é válido para Data de início: escreva a data como 31/12/2026 ou 2026-12-31.")]
    public async Task A_date_that_reads_two_ways_or_none_is_refused_in_the_readers_language(string language, string start, string message)
    {
        var code = $"DX-{language}";
        using var staff = await fixture.App.SignedInClientAsync(Roles.RegionalStaff, language: language);

        var (response, page) = await PostCohortAsync(staff, code, start, "2026-11-30");

        ShouldBeRefused(response, page, "Form.StartDate", start, message);
        (await fixture.App.WithDbAsync(db => db.Cohorts.AnyAsync(c => c.Code == code))).Should().BeFalse();
    }

    [Theory]
    [InlineData("en", "2026-05-14", "14:30", "4:00 PM")]
    [InlineData("es", "14/05/2026", "14:30", "16:00")]
    [InlineData("pt", "14/05/2026", "14:30", "16:00")]
    public async Task Session_date_and_times_in_the_readers_format_keep_their_wall_clock_time(string language, string date, string start, string end)
    {
        var cohortId = await fixture.App.WithDbAsync(async db =>
        {
            var cohort = new Cohort { Code = $"T-{language}", Name = "Times", StartDate = new DateOnly(2026, 1, 1), EndDate = new DateOnly(2026, 12, 31) };
            db.Cohorts.Add(cohort);
            db.Events.Add(new Event { Cohort = cohort, Kind = EventKind.Workshop, Name = "Workshop", DefaultTimeZone = "America/Lima" });
            await db.SaveChangesAsync();
            return cohort.Id;
        });
        var eventId = await fixture.App.WithDbAsync(db => db.Events.Where(e => e.CohortId == cohortId).Select(e => e.Id).SingleAsync());
        using var staff = await fixture.App.SignedInClientAsync(Roles.RegionalStaff, language: language);

        var (_, form) = await staff.GetPageAsync($"/sessions/new?event={eventId}");
        var (response, page) = await staff.SubmitAsync(form, new Dictionary<string, string?>
        {
            ["Form.Code"] = $"t-{language}",
            ["Form.Title"] = "Session",
            ["Form.Date"] = date,
            ["Form.StartTime"] = start,
            ["Form.EndTime"] = end,
        });

        response.StatusCode.Should().Be(HttpStatusCode.Redirect, page.QuerySelector("[data-testid=validation-summary]")?.TextContent);
        var stored = await fixture.App.WithDbAsync(db => db.Sessions.AsNoTracking().SingleAsync(s => s.EventId == eventId));
        // Lima is UTC−5 all year.
        (stored.StartsAtUtc, stored.EndsAtUtc).Should().Be((new DateTime(2026, 5, 14, 19, 30, 0, DateTimeKind.Utc), new DateTime(2026, 5, 14, 21, 0, 0, DateTimeKind.Utc)));
    }

    private static void ShouldBeRefused(HttpResponseMessage response, AngleSharp.Dom.IDocument page, string field, string typed, string message)
    {
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        page.QuerySelector($"span[data-valmsg-for='{field}']")!.TextContent.Should().Be(message);
        page.QuerySelector($"input[name='{field}']")!.GetAttribute("value").Should().Be(typed, "the form keeps what was typed");
    }

    private static async Task<(HttpResponseMessage, AngleSharp.Dom.IDocument)> PostLocalGovernmentAsync(PortalClient staff, string name, string latitude, string longitude)
    {
        var (_, form) = await staff.GetPageAsync("/local-governments/new");
        return await staff.SubmitAsync(form, new Dictionary<string, string?>
        {
            ["Form.Name"] = name,
            ["Form.Kind"] = "Municipality",
            ["Form.CountryCode"] = "PE",
            ["Form.TimeZone"] = "America/Lima",
            ["Form.Latitude"] = latitude,
            ["Form.Longitude"] = longitude,
        });
    }

    private static async Task<(HttpResponseMessage, AngleSharp.Dom.IDocument)> PostCohortAsync(PortalClient staff, string code, string start, string end)
    {
        var (_, form) = await staff.GetPageAsync("/cohorts/new");
        return await staff.SubmitAsync(form, new Dictionary<string, string?>
        {
            ["Form.Code"] = code,
            ["Form.Name"] = $"Cohort {code}",
            ["Form.StartDate"] = start,
            ["Form.EndDate"] = end,
            ["Form.Status"] = "Open",
        });
    }
}
