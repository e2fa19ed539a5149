using System.Globalization;
using System.Reflection;
using ChampionPortal.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace ChampionPortal.Web.Data.Seeding;

/// <summary>
/// Reference data every database needs: the ten countries of the regional office, the roles, and the GCM's
/// objectives and guiding principles (from the CSV files in Data/Reference). Missing rows are added; rows an
/// Administrator has corrected are left as they are.
/// </summary>
public static class ReferenceData
{
    public static readonly IReadOnlyList<Country> Countries =
    [
        new() { Code = "AR", NameEn = "Argentina", NameEs = "Argentina", NamePt = "Argentina" },
        new() { Code = "BO", NameEn = "Bolivia", NameEs = "Bolivia", NamePt = "Bolívia" },
        new() { Code = "BR", NameEn = "Brazil", NameEs = "Brasil", NamePt = "Brasil" },
        new() { Code = "CL", NameEn = "Chile", NameEs = "Chile", NamePt = "Chile" },
        new() { Code = "CO", NameEn = "Colombia", NameEs = "Colombia", NamePt = "Colômbia" },
        new() { Code = "EC", NameEn = "Ecuador", NameEs = "Ecuador", NamePt = "Equador" },
        new() { Code = "PY", NameEn = "Paraguay", NameEs = "Paraguay", NamePt = "Paraguai" },
        new() { Code = "PE", NameEn = "Peru", NameEs = "Perú", NamePt = "Peru" },
        new() { Code = "UY", NameEn = "Uruguay", NameEs = "Uruguay", NamePt = "Uruguai" },
        new() { Code = "VE", NameEn = "Venezuela", NameEs = "Venezuela", NamePt = "Venezuela" },
    ];

    public static async Task EnsureAsync(PortalDbContext db, CancellationToken cancellationToken = default)
    {
        var countryCodes = await db.Countries.Select(c => c.Code).ToListAsync(cancellationToken);
        db.Countries.AddRange(Countries.Where(c => !countryCodes.Contains(c.Code))
            .Select(c => new Country { Code = c.Code, NameEn = c.NameEn, NameEs = c.NameEs, NamePt = c.NamePt }));

        var roleNames = await db.Roles.Select(r => r.Name).ToListAsync(cancellationToken);
        db.Roles.AddRange(Roles.All.Where(r => !roleNames.Contains(r))
            .Select(r => new PortalRole(r) { NormalizedName = r.ToUpperInvariant(), ConcurrencyStamp = Guid.NewGuid().ToString() }));

        var objectiveNumbers = await db.GcmObjectives.Select(o => o.Number).ToListAsync(cancellationToken);
        db.GcmObjectives.AddRange(ReadCsv("gcm_objectives.csv")
            .Select(r => new GcmObjective
            {
                Number = int.Parse(r["number"], CultureInfo.InvariantCulture),
                ShortEn = r["short_en"],
                ShortEs = r["short_es"],
                ShortPt = r["short_pt"],
                TitleEn = r["title_en"],
                TitleEs = r["title_es"],
                TitlePt = r["title_pt"],
            })
            .Where(o => !objectiveNumbers.Contains(o.Number)));

        var principleNumbers = await db.GuidingPrinciples.Select(p => p.Number).ToListAsync(cancellationToken);
        db.GuidingPrinciples.AddRange(ReadCsv("gcm_guiding_principles.csv")
            .Select(r => new GuidingPrinciple
            {
                Number = int.Parse(r["number"], CultureInfo.InvariantCulture),
                TitleEn = r["title_en"],
                TitleEs = r["title_es"],
                TitlePt = r["title_pt"],
            })
            .Where(p => !principleNumbers.Contains(p.Number)));

        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Reads one of the embedded reference CSV files (RFC 4180: quoted fields may hold commas and quotes).</summary>
    public static IReadOnlyList<Dictionary<string, string>> ReadCsv(string fileName)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream($"ChampionPortal.Web.Data.Reference.{fileName}")
            ?? throw new InvalidOperationException($"Reference file {fileName} is not embedded in the portal.");
        using var reader = new StreamReader(stream);
        var records = ParseCsv(reader.ReadToEnd());
        var header = records[0];
        return records.Skip(1).Where(r => r.Count == header.Count)
            .Select(r => header.Zip(r).ToDictionary(p => p.First, p => p.Second))
            .ToList();
    }

    private static List<List<string>> ParseCsv(string text)
    {
        var records = new List<List<string>>();
        var record = new List<string>();
        var field = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                record.Add(field.ToString());
                field.Clear();
            }
            else if (c == '\n')
            {
                record.Add(field.ToString().TrimEnd('\r'));
                field.Clear();
                records.Add(record);
                record = [];
            }
            else
            {
                field.Append(c);
            }
        }

        if (field.Length > 0 || record.Count > 0)
        {
            record.Add(field.ToString());
            records.Add(record);
        }

        return records;
    }
}
