using ChampionPortal.Testing;
using ChampionPortal.Tests.Localization;
using Microsoft.EntityFrameworkCore;

namespace ChampionPortal.Tests.Data;

public sealed class ReferenceDataTests(PortalFixture fixture) : IClassFixture<PortalFixture>
{
    [Fact]
    public async Task The_GCM_objectives_principles_and_countries_are_loaded_in_three_languages()
    {
        var objectives = await fixture.App.WithDbAsync(db => db.GcmObjectives.AsNoTracking().OrderBy(o => o.Number).ToListAsync());
        var principles = await fixture.App.WithDbAsync(db => db.GuidingPrinciples.AsNoTracking().OrderBy(p => p.Number).ToListAsync());
        var countries = await fixture.App.WithDbAsync(db => db.Countries.AsNoTracking().Select(c => c.Code).ToListAsync());

        objectives.Select(o => o.Number).Should().Equal(Enumerable.Range(1, 23));
        principles.Select(p => p.Number).Should().Equal(Enumerable.Range(1, 10));
        objectives[0].TitleEn.Should().Be("Collect and utilize accurate and disaggregated data as a basis for evidence-based policies");
        objectives[0].TitleEs.Should().StartWith("Recopilar y utilizar datos exactos");
        objectives[0].TitlePt.Should().StartWith("Coletar e utilizar dados");
        objectives.Should().OnlyContain(o => o.TitleEs.Length > 0 && o.TitlePt.Length > 0 && o.ShortEs.Length > 0 && o.ShortPt.Length > 0);
        principles[0].TitleEs.Should().Be("Centrada en las personas");
        countries.Should().BeEquivalentTo(["AR", "BO", "BR", "CL", "CO", "EC", "PY", "PE", "UY", "VE"]);
    }

    [Fact]
    public void The_portals_copy_of_the_reference_files_is_the_shared_one()
    {
        // The portal embeds its own copy so that a clone runs on its own; where the project's shared reference
        // folder sits beside the clone (as in CI), and the copy must not have drifted from it: a missing folder fails
        // rather than passing without comparing anything.
        var shared = Path.Combine(ResourceCompletenessTests.RepositoryRoot(), "..", "shared", "reference");
        var embedded = Path.Combine(ResourceCompletenessTests.RepositoryRoot(), "src", "ChampionPortal.Web", "Data", "Reference");
        Directory.Exists(shared).Should().BeTrue($"the shared reference folder is expected beside the clone, at {Path.GetFullPath(shared)}");
        foreach (var file in new[] { "gcm_objectives.csv", "gcm_guiding_principles.csv" })
        {
            File.Exists(Path.Combine(embedded, file)).Should().BeTrue();
            File.ReadAllBytes(Path.Combine(embedded, file)).Should().Equal(File.ReadAllBytes(Path.Combine(shared, file)), $"{file} must match the shared reference");
        }
    }

    [Fact]
    public async Task An_administrator_corrects_a_translation_and_start_up_does_not_undo_it()
    {
        using var client = await fixture.App.SignedInClientAsync(ChampionPortal.Web.Domain.Roles.Administrator);
        var (_, form) = await client.GetPageAsync("/reference-data/Principle/1/edit");

        var (response, _) = await client.SubmitAsync(form, new Dictionary<string, string?> { ["Form.TitlePt"] = "Centrado nas pessoas (revisado)" });

        response.StatusCode.Should().Be(System.Net.HttpStatusCode.Redirect);
        await fixture.App.WithDbAsync(async db =>
        {
            await ChampionPortal.Web.Data.Seeding.ReferenceData.EnsureAsync(db);
            return 0;
        });
        (await fixture.App.WithDbAsync(db => db.GuidingPrinciples.AsNoTracking().SingleAsync(p => p.Number == 1))).TitlePt
            .Should().Be("Centrado nas pessoas (revisado)");
    }
}
