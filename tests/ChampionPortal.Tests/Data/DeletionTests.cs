using System.Net;
using ChampionPortal.Testing;
using ChampionPortal.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace ChampionPortal.Tests.Data;

/// <summary>
/// A record that the initiative's history refers to (a session with attendance, a person with a nomination) is not
/// deleted: the confirmation page says why before anyone clicks, a post changes nothing and answers with the same words,
/// in the reader's language.
/// </summary>
public sealed class DeletionTests(PortalFixture fixture) : IClassFixture<PortalFixture>
{
    [Theory]
    [InlineData("en", "attendance", "nominations")]
    [InlineData("es", "asistencia", "postulaciones")]
    [InlineData("pt", "presença", "indicações")]
    public async Task A_session_with_attendance_and_a_person_with_a_nomination_are_kept_and_the_page_says_why(string language, string attendance, string nominations)
    {
        var (cohort, sessions) = await fixture.App.AddCohortAsync(
            $"DEL-{language}", ("FORUM", EventKind.LaunchForum, new DateTime(2023, 10, 18, 13, 0, 0, DateTimeKind.Utc), 120, "America/Montevideo"));
        var government = await fixture.App.AddLocalGovernmentAsync($"Salto {language}", "UY");
        var nominated = await fixture.App.AddAuthorityAsync($"Carla {language}", government, "UY");
        using var staff = await fixture.App.SignedInClientAsync(Roles.RegionalStaff, language: language);
        var targets = new[] { ($"/sessions/{sessions["FORUM"]}", attendance), ($"/authorities/{nominated}", nominations) };

        // The confirmations are opened while nothing refers to the records yet; then the forum is held and the person nominated.
        var opened = new List<AngleSharp.Dom.IDocument>();
        foreach (var (url, _) in targets)
        {
            opened.Add((await staff.GetPageAsync(url + "/delete")).Page);
        }

        await fixture.App.AddChampionAsync(cohort, sessions.Values, $"Ana {language}", government, "UY", "es");
        await fixture.App.AddSubmittedNominationAsync(cohort, nominated, government, "UY");

        foreach (var ((url, word), confirm) in targets.Zip(opened))
        {
            var (response, page) = await staff.SubmitAsync(confirm, new Dictionary<string, string?>());
            response.StatusCode.Should().Be(HttpStatusCode.OK, $"deleting {url} is refused on the page, not with a server error");
            page.QuerySelector("[data-testid=validation-summary]")!.TextContent.Should().Contain(word, "the page says why");
            (await staff.GetAsync(url)).StatusCode.Should().Be(HttpStatusCode.OK, $"{url} is still there");

            var (_, again) = await staff.GetPageAsync(url + "/delete");
            again.QuerySelector("[data-testid=delete-blocked]")!.TextContent.Should().Contain(word, $"{url} says why it cannot be deleted before the click");
            again.QuerySelector("form[action$='/delete']").Should().BeNull("there is nothing to click");
        }

        (await fixture.App.WithDbAsync(db => db.Attendances.CountAsync(a => a.SessionId == sessions["FORUM"]))).Should().Be(1);
    }
}
