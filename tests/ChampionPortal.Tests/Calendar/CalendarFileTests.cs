using System.Text.RegularExpressions;
using ChampionPortal.Testing;
using ChampionPortal.Web.Domain;
using ChampionPortal.Web.Features.Calendar;
using Microsoft.Extensions.DependencyInjection;

namespace ChampionPortal.Tests.Calendar;

/// <summary>The calendar text itself, against a file checked line by line against RFC 5545 by hand.</summary>
public sealed partial class CalendarFileTests(PortalFixture fixture) : IClassFixture<PortalFixture>
{
    [Fact]
    public async Task A_session_invitation_is_written_as_the_hand_checked_calendar_file()
    {
        var session = new CalendarSession(
            7, 3, "0f8c2a61d4b94e2f9a7c5b3e1d6f8a20", 2, new DateTime(2023, 10, 18, 13, 0, 0, DateTimeKind.Utc), new DateTime(2023, 10, 18, 15, 30, 0, DateTimeKind.Utc),
            "America/Bogota", SessionModality.Hybrid, "Alcaldía de Medellín, Calle 44 #52-165", "https://meet.example.org/forum-2023")
        {
            Title = new NameInThreeLanguages("Opening session", "Sesión de apertura", null),
            EventName = new NameInThreeLanguages("Launch forum", "Foro de lanzamiento", "Fórum de lançamento"),
            CohortName = new NameInThreeLanguages("2023 — first cohort", "2023 — primera cohorte", null),
        };
        using var scope = fixture.App.Services.CreateScope();
        var written = scope.ServiceProvider.GetRequiredService<SessionCalendar>()
            .Write([session], "es", SessionCalendar.Request, new CalendarRecipient("María José Pérez", "mjperez@medellin.example.org", "es"));

        var expected = await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "Calendar", "session-invitation.ics"));
        Stamp().Replace(written, "DTSTAMP:<now>").ReplaceLineEndings("\n").Should().Be(expected.ReplaceLineEndings("\n"));
        written.Should().Contain("\r\n", "RFC 5545 lines end in CRLF");
    }

    [GeneratedRegex(@"DTSTAMP:\d{8}T\d{6}Z")]
    private static partial Regex Stamp();
}
