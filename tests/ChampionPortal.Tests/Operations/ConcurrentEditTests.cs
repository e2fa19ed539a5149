using System.Net;
using ChampionPortal.Testing;
using ChampionPortal.Web.Domain;

namespace ChampionPortal.Tests.Operations;

public sealed class ConcurrentEditTests(PortalFixture fixture) : IClassFixture<PortalFixture>
{
    public static TheoryData<string, string> EditForms => new()
    {
        { "authority", "Form.Position" },
        { "local-government", "Form.Name" },
        { "cohort", "Form.Name" },
        { "event", "Form.Name" },
        { "session", "Form.Title" },
        { "mapping-action", "Form.Title" },
    };

    [Theory]
    [MemberData(nameof(EditForms))]
    public async Task The_second_of_two_conflicting_saves_is_told_and_shown_the_other_change_and_nothing_is_overwritten(string record, string field)
    {
        var path = await EditPathAsync(record);
        using var first = await fixture.App.SignedInClientAsync(Roles.RegionalStaff, language: "es");
        using var second = await fixture.App.SignedInClientAsync(Roles.RegionalStaff, language: "es");
        var (_, firstForm) = await first.GetPageAsync(path);
        var (_, secondForm) = await second.GetPageAsync(path);

        var (saved, _) = await first.SubmitAsync(firstForm, new Dictionary<string, string?> { [field] = $"Primero {record}" });
        saved.StatusCode.Should().Be(HttpStatusCode.Redirect, "the first save goes through");

        var (conflict, page) = await second.SubmitAsync(secondForm, new Dictionary<string, string?> { [field] = $"Segundo {record}" });
        conflict.StatusCode.Should().Be(HttpStatusCode.OK, "the second is shown the form again");
        page.QuerySelector("[data-testid=validation-summary]").Should().NotBeNull();
        page.QuerySelector("[data-testid=other-change]")!.TextContent.Should().Contain($"Primero {record}", "the message shows the other change");
        (await first.GetPageAsync(path)).Page.QuerySelector($"[name='{field}']")!.GetAttribute("value").Should().Be($"Primero {record}", "nothing was overwritten");

        // Saving the form as shown again overwrites the other change knowingly.
        var (again, _) = await second.SubmitAsync(page, new Dictionary<string, string?> { [field] = $"Segundo {record}" });
        again.StatusCode.Should().Be(HttpStatusCode.Redirect);
    }

    private async Task<string> EditPathAsync(string record)
    {
        var code = $"CE{Guid.NewGuid().ToString("N")[..4]}".ToUpperInvariant();
        var government = await fixture.App.AddLocalGovernmentAsync($"Paysandú {code}", "UY");
        switch (record)
        {
            case "authority":
                return $"/authorities/{await fixture.App.AddAuthorityAsync($"Lucía {code}", government, "UY")}/edit";
            case "local-government":
                return $"/local-governments/{government}/edit";
        }

        var (cohort, sessions) = await fixture.App.AddCohortAsync(
            code, ("FORUM", EventKind.LaunchForum, new DateTime(2023, 10, 18, 13, 0, 0, DateTimeKind.Utc), 120, "America/Montevideo"));
        return record switch
        {
            "cohort" => $"/cohorts/{cohort}/edit",
            "event" => $"/events/{await fixture.App.WithDbAsync(db => Task.FromResult(db.Events.Where(e => e.CohortId == cohort).Select(e => e.Id).Single()))}/edit",
            "session" => $"/sessions/{sessions["FORUM"]}/edit",
            _ => $"/mapping/actions/{await AddActionAsync(cohort, government)}/edit",
        };
    }

    private Task<int> AddActionAsync(int cohort, int government) => fixture.App.WithDbAsync(async db =>
    {
        var action = new LocalAction { CohortId = cohort, LocalGovernmentId = government, CountryCode = "UY", Title = "Mesa de atención a migrantes", Status = LocalActionStatus.InPlace };
        db.LocalActions.Add(action);
        await db.SaveChangesAsync();
        return action.Id;
    });
}
