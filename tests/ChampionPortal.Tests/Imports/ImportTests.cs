using System.Net;
using System.Text;
using ChampionPortal.Testing;
using ChampionPortal.Web.Domain;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;

namespace ChampionPortal.Tests.Imports;

public sealed class ImportTests(PortalFixture fixture) : IClassFixture<PortalFixture>
{
    private const string Header = "country_code;local_government;local_government_kind;authority_name;position;email;phone;preferred_language;gender";

    [Fact]
    public async Task A_valid_file_is_previewed_then_imported_in_one_step_and_a_second_import_updates_instead_of_duplicating()
    {
        var existingGovernment = await fixture.App.AddLocalGovernmentAsync("Ciudad del Este", "PY");
        await fixture.App.WithDbAsync(async db =>
        {
            db.Authorities.Add(new Authority { FullName = "Old Name", Position = "Old", Email = "known@import.example.org", CountryCode = "PY", LocalGovernmentId = existingGovernment });
            return await db.SaveChangesAsync();
        });
        var csv = string.Join("\n",
            Header,
            "PY;ciudad del este;Municipality;Rosa Benítez;Intendenta;rosa@import.example.org;+595 61 000;es;Woman",
            "PY;San Bernardino;Municipality;Óscar Giménez;Secretario;oscar@import.example.org;;;",
            "py;Ciudad del Este;;Known Person;Directora;KNOWN@import.example.org;;pt;PrefersNotToSay");
        using var staff = await fixture.App.SignedInClientAsync(Roles.RegionalStaff);

        var preview = await UploadAsync(staff, "directory.csv", Encoding.UTF8.GetBytes(csv));

        preview.QuerySelector("[data-testid=import-problems]").Should().BeNull();
        Count(preview, "authorities-create").Should().Be(2);
        Count(preview, "authorities-update").Should().Be(1);
        Count(preview, "governments-create").Should().Be(1);
        Count(preview, "governments-update").Should().Be(1);
        Names(preview, "authorities-create").Should().Equal("Óscar Giménez (PY)", "Rosa Benítez (PY)");
        Names(preview, "authorities-update").Should().Equal("Known Person (PY)");
        Names(preview, "governments-create").Should().Equal("San Bernardino (PY)");
        (await fixture.App.WithDbAsync(db => db.Authorities.AnyAsync(a => a.Email == "rosa@import.example.org"))).Should().BeFalse("nothing is written before the confirmation");

        var (confirmed, _) = await staff.SubmitAsync(preview, new Dictionary<string, string?>());
        confirmed.StatusCode.Should().Be(HttpStatusCode.Redirect);
        var known = await fixture.App.WithDbAsync(db => db.Authorities.AsNoTracking().SingleAsync(a => a.EmailNormalized == "KNOWN@IMPORT.EXAMPLE.ORG"));
        known.FullName.Should().Be("Known Person");
        known.PreferredLanguage.Should().Be("pt");
        (await fixture.App.WithDbAsync(db => db.LocalGovernments.CountAsync(l => l.CountryCode == "PY" && l.SearchKey == "ciudad del este"))).Should().Be(1);
        var rosa = await fixture.App.WithDbAsync(db => db.Authorities.AsNoTracking().Include(a => a.LocalGovernment).SingleAsync(a => a.Email == "rosa@import.example.org"));
        rosa.LocalGovernment!.Id.Should().Be(existingGovernment);
        rosa.Gender.Should().Be(GenderCategory.Woman);

        var again = await UploadAsync(staff, "directory.csv", Encoding.UTF8.GetBytes(csv));
        Count(again, "authorities-create").Should().Be(0);
        Count(again, "authorities-update").Should().Be(3);
        Count(again, "governments-create").Should().Be(0);
    }

    [Fact]
    public async Task An_xlsx_file_imports_like_a_csv_file()
    {
        using var stream = new MemoryStream();
        stream.SaveAs(new[]
        {
            new Dictionary<string, object?>
            {
                ["country_code"] = "CO", ["local_government"] = "Barranquilla", ["local_government_kind"] = "City", ["authority_name"] = "Lucía Mendoza",
                ["position"] = "Alcaldesa", ["email"] = "lucia@xlsx.example.org", ["phone"] = null, ["preferred_language"] = "es", ["gender"] = "Woman",
            },
        });
        using var staff = await fixture.App.SignedInClientAsync(Roles.RegionalStaff);

        var preview = await UploadAsync(staff, "directory.xlsx", stream.ToArray());
        (await staff.SubmitAsync(preview, new Dictionary<string, string?>())).Response.StatusCode.Should().Be(HttpStatusCode.Redirect);

        (await fixture.App.WithDbAsync(db => db.Authorities.AsNoTracking().Include(a => a.LocalGovernment).SingleAsync(a => a.Email == "lucia@xlsx.example.org")))
            .LocalGovernment!.Kind.Should().Be(LocalGovernmentKind.City);
    }

    [Fact]
    public async Task A_country_office_cannot_import_into_another_country_and_nothing_is_written()
    {
        var csv = string.Join("\n", Header, "EC;Manta;City;Persona Uno;Alcalde;uno@office.example.org;;;", "PE;Piura;City;Persona Dos;Alcalde;dos@office.example.org;;;");
        using var office = await fixture.App.SignedInClientAsync(Roles.CountryOffice, "EC");

        var preview = await UploadAsync(office, "directory.csv", Encoding.UTF8.GetBytes(csv));

        Problems(preview).Should().ContainSingle().Which.Should().Be("Row 3: PE is not your country.");
        preview.QuerySelector("[data-testid=confirm-import]").Should().BeNull();
        (await fixture.App.WithDbAsync(db => db.Authorities.AnyAsync(a => a.Email == "uno@office.example.org"))).Should().BeFalse();
    }

    public static TheoryData<string, byte[], string> BrokenFiles() => new()
    {
        { "empty.csv", [], "The file is empty." },
        { "header-only.csv", Encoding.UTF8.GetBytes(Header + "\n"), "The file has column names but no rows." },
        { "latin1.csv", Encoding.Latin1.GetBytes(Header + "\nAR;Córdoba;;José Núñez;Intendente;jose@broken.example.org;;;"), "The file is not in UTF-8. Save it as \"CSV UTF-8\" and upload it again." },
        { "utf16.csv", Encoding.Unicode.GetBytes(Header + "\nAR;Salta;;Ana;Intendenta;ana@broken.example.org;;;"), "The file is not in UTF-8. Save it as \"CSV UTF-8\" and upload it again." },
        { "photo.png", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13], "Only CSV (.csv) and Excel (.xlsx) files can be imported." },
        { "text.xlsx", Encoding.UTF8.GetBytes(Header), "The file is not a readable Excel (.xlsx) workbook." },
        { "corrupt.xlsx", [0x50, 0x4B, 0x03, 0x04, 1, 2, 3, 4, 5, 6, 7, 8, 9], "The file is not a readable Excel (.xlsx) workbook." },
        { "columns.csv", Encoding.UTF8.GetBytes("country_code,local_government,authority_name,position,email\nAR,Salta,Ana,Intendenta,ana@broken.example.org"), "The file lacks these columns: local_government_kind, phone, preferred_language, gender." },
        { "huge.csv", Encoding.UTF8.GetBytes(Header + "\n" + new string('x', 2 * 1024 * 1024)), "The file is larger than 2 MB." },
    };

    [Theory]
    [MemberData(nameof(BrokenFiles))]
    public async Task A_broken_file_is_refused_with_its_reason_and_nothing_is_written(string fileName, byte[] content, string reason)
    {
        using var staff = await fixture.App.SignedInClientAsync(Roles.RegionalStaff);
        var before = await fixture.App.WithDbAsync(db => db.Authorities.CountAsync());

        var preview = await UploadAsync(staff, fileName, content);

        Problems(preview).Should().Equal(reason);
        (await fixture.App.WithDbAsync(db => db.Authorities.CountAsync())).Should().Be(before);
    }

    [Fact]
    public async Task Every_invalid_row_is_listed_with_its_number_and_reason_and_the_valid_rows_are_not_imported_either()
    {
        var csv = string.Join("\r\n",
            Header,
            "AR;Rosario;;Valid Person;Intendente;valid@rows.example.org;;;",
            "XX;Nowhere;;Somebody;Mayor;somebody@rows.example.org;;;",
            "AR;Rosario;;Bad Mail;Intendente;not-an-email;;;",
            "AR;Rosario;;Twice;Intendente;VALID@rows.example.org;;;",
            "AR;;;No Government;Intendente;nogov@rows.example.org;;;",
            "AR;Rosario;;Wrong Language;Intendente;lang@rows.example.org;;fr;");
        using var staff = await fixture.App.SignedInClientAsync(Roles.RegionalStaff, language: "es");

        var preview = await UploadAsync(staff, "rows.csv", Encoding.UTF8.GetBytes(csv));

        Problems(preview).Should().Equal(
            "Fila 3: código de país desconocido «XX».",
            "Fila 4: «not-an-email» no es una dirección de correo válida.",
            "Fila 5: el correo VALID@rows.example.org también está en la fila 2.",
            "Fila 6: falta un valor obligatorio: local_government.",
            "Fila 7: idioma no admitido «fr» (use en, es o pt).");
        (await fixture.App.WithDbAsync(db => db.Authorities.AnyAsync(a => a.Email == "valid@rows.example.org"))).Should().BeFalse();
    }

    [Fact]
    public async Task A_file_far_over_the_limit_is_refused_with_a_translated_message()
    {
        using var staff = await fixture.App.SignedInClientAsync(Roles.RegionalStaff, language: "pt");
        var (_, page) = await staff.GetPageAsync("/imports");

        var (response, refused) = await staff.UploadAsync(page, "form[enctype='multipart/form-data']", "file", "huge.csv", new byte[9 * 1024 * 1024]);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        Problems(refused).Should().Equal("O arquivo é maior que 2 MB.");
    }

    [Fact]
    public async Task Another_user_cannot_confirm_someone_elses_import()
    {
        var csv = string.Join("\n", Header, "UY;Colonia;;Persona Tres;Intendente;tres@token.example.org;;;");
        using var first = await fixture.App.SignedInClientAsync(Roles.RegionalStaff);
        using var second = await fixture.App.SignedInClientAsync(Roles.RegionalStaff);
        var preview = await UploadAsync(first, "directory.csv", Encoding.UTF8.GetBytes(csv));
        var action = preview.QuerySelector("form[action^='/imports/']")!.GetAttribute("action")!;
        var (_, secondPage) = await second.GetPageAsync("/imports");
        var token = secondPage.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;

        var (response, _) = await second.PostAsync(action, new Dictionary<string, string> { ["__RequestVerificationToken"] = token });

        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().Should().Be("/imports");
        (await fixture.App.WithDbAsync(db => db.Authorities.AnyAsync(a => a.Email == "tres@token.example.org"))).Should().BeFalse();
    }

    private static async Task<AngleSharp.Dom.IDocument> UploadAsync(PortalClient client, string fileName, byte[] content)
    {
        var (_, page) = await client.GetPageAsync("/imports");
        var (response, preview) = await client.UploadAsync(page, "form[enctype='multipart/form-data']", "file", fileName, content);
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        return preview;
    }

    [Fact]
    public async Task The_templates_example_row_left_in_is_skipped_and_said_so_and_alone_it_is_refused()
    {
        using var staff = await fixture.App.SignedInClientAsync(Roles.RegionalStaff, language: "es");
        var template = await (await staff.GetAsync("/imports/template?format=csv")).Content.ReadAsStringAsync();
        var filled = template.TrimEnd() + "\nAR,Rosario,Municipality,Lucía Fernández,Directora de Migraciones,lucia@example-import.org,,es,Woman\n";

        var preview = await UploadAsync(staff, "plantilla.csv", Encoding.UTF8.GetBytes(filled));
        preview.QuerySelector("[data-testid=example-skipped]")!.TextContent.Should().Be("La fila 2 es el ejemplo de la plantilla (María José Pérez) y se dejó fuera.");
        Names(preview, "authorities-create").Should().Equal("Lucía Fernández (AR)");
        await staff.SubmitAsync(preview, new Dictionary<string, string?>());
        (await fixture.App.WithDbAsync(db => db.Authorities.AnyAsync(a => a.Email == "maria.perez@example.org"))).Should().BeFalse("the example is nobody");
        (await fixture.App.WithDbAsync(db => db.Authorities.AnyAsync(a => a.Email == "lucia@example-import.org"))).Should().BeTrue();

        var alone = await UploadAsync(staff, "plantilla.csv", Encoding.UTF8.GetBytes(template));
        Problems(alone).Should().Equal("El archivo solo tiene la fila de ejemplo de la plantilla: agregue sus filas debajo del encabezado y súbalo de nuevo.");
    }

    private static IEnumerable<string> Names(AngleSharp.Dom.IDocument page, string list) =>
        page.QuerySelectorAll($"[data-names={list}] li").Select(li => li.TextContent).ToList();

    private static int Count(AngleSharp.Dom.IDocument page, string name) =>
        int.Parse(page.QuerySelector($"[data-count={name}]")!.TextContent, System.Globalization.CultureInfo.InvariantCulture);

    private static IEnumerable<string> Problems(AngleSharp.Dom.IDocument page) =>
        page.QuerySelectorAll("[data-testid=import-problems] li").Select(li => li.TextContent.Trim()).ToList();
}
