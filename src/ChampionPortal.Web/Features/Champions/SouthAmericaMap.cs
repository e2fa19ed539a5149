using System.Globalization;
using System.Text;
using System.Text.Json;

namespace ChampionPortal.Web.Features.Champions;

/// <summary>A country's outline on the map: its ISO codes and its polygons as SVG path data.</summary>
public sealed record MapCountry(string NumericCode, string? Alpha2, string Name, string PathData);

/// <summary>A point on the map in SVG coordinates.</summary>
public readonly record struct MapPoint(double X, double Y);

/// <summary>
/// South America from Natural Earth's country shapes (the world-atlas package's 1:50m TopoJSON, restored by the build),
/// decoded once and projected with Mercator onto an SVG canvas. Countries outside the covered region are drawn for
/// context where they fall inside the frame.
/// </summary>
public sealed class SouthAmericaMap
{
    public const double Width = 600;
    public const double Height = 760;

    // The frame: from the Galápagos to the Atlantic coast, from the Caribbean to Cape Horn.
    private const double West = -92, East = -32, North = 13.5, South = -56.5;

    private static readonly Dictionary<string, string> Alpha2ByNumeric = new()
    {
        ["032"] = "AR",
        ["068"] = "BO",
        ["076"] = "BR",
        ["152"] = "CL",
        ["170"] = "CO",
        ["218"] = "EC",
        ["600"] = "PY",
        ["604"] = "PE",
        ["858"] = "UY",
        ["862"] = "VE",
    };

    private readonly double top = Mercator(North);
    private readonly double bottom = Mercator(South);

    public SouthAmericaMap(string topoJsonPath)
    {
        using var stream = File.OpenRead(topoJsonPath);
        using var document = JsonDocument.Parse(stream);
        Countries = Decode(document.RootElement);
    }

    public IReadOnlyList<MapCountry> Countries { get; }

    /// <summary>Where a latitude and longitude fall on the canvas; null outside the frame.</summary>
    public MapPoint? Project(double latitude, double longitude)
    {
        if (longitude < West || longitude > East || latitude < South || latitude > North)
        {
            return null;
        }

        return new MapPoint((longitude - West) / (East - West) * Width, (top - Mercator(latitude)) / (top - bottom) * Height);
    }

    private static double Mercator(double latitude) => Math.Log(Math.Tan(Math.PI / 4 + latitude * Math.PI / 360));

    private List<MapCountry> Decode(JsonElement topology)
    {
        var scale = topology.GetProperty("transform").GetProperty("scale");
        var translate = topology.GetProperty("transform").GetProperty("translate");
        var (sx, sy, tx, ty) = (scale[0].GetDouble(), scale[1].GetDouble(), translate[0].GetDouble(), translate[1].GetDouble());

        // Arcs are quantized and delta-encoded: each position is the sum of the ones before it.
        var arcs = topology.GetProperty("arcs").EnumerateArray().Select(arc =>
        {
            var (x, y) = (0L, 0L);
            return arc.EnumerateArray().Select(p =>
            {
                x += p[0].GetInt64();
                y += p[1].GetInt64();
                return (Lon: x * sx + tx, Lat: y * sy + ty);
            }).ToArray();
        }).ToArray();

        var countries = new List<MapCountry>();
        foreach (var geometry in topology.GetProperty("objects").GetProperty("countries").GetProperty("geometries").EnumerateArray())
        {
            var polygons = geometry.GetProperty("type").GetString() switch
            {
                "Polygon" => [geometry.GetProperty("arcs")],
                "MultiPolygon" => geometry.GetProperty("arcs").EnumerateArray().ToList(),
                _ => new List<JsonElement>(),
            };
            var path = new StringBuilder();
            foreach (var polygon in polygons)
            {
                var rings = polygon.EnumerateArray().Select(ring => Ring(ring, arcs)).ToList();

                // Only what shows in the frame: the rest of the world (France's mainland for French Guiana…) is left out.
                if (!rings[0].Any(p => p.Lon >= West && p.Lon <= East && p.Lat >= South && p.Lat <= North))
                {
                    continue;
                }

                foreach (var ring in rings)
                {
                    Append(path, ring);
                }
            }

            if (path.Length > 0)
            {
                var numeric = geometry.TryGetProperty("id", out var id) ? id.ToString() : "";
                var name = geometry.TryGetProperty("properties", out var properties) && properties.TryGetProperty("name", out var n) ? n.GetString() ?? "" : "";
                countries.Add(new MapCountry(numeric, Alpha2ByNumeric.GetValueOrDefault(numeric), name, path.ToString()));
            }
        }

        return countries;
    }

    private static List<(double Lon, double Lat)> Ring(JsonElement ring, (double Lon, double Lat)[][] arcs)
    {
        var points = new List<(double Lon, double Lat)>();
        foreach (var index in ring.EnumerateArray().Select(i => i.GetInt32()))
        {
            // A negative index is the one's complement of an arc to be walked backwards.
            var arc = index >= 0 ? arcs[index] : [.. arcs[~index].Reverse()];
            points.AddRange(points.Count == 0 ? arc : arc.Skip(1));
        }

        return points;
    }

    private void Append(StringBuilder path, List<(double Lon, double Lat)> ring)
    {
        var previous = (X: double.NaN, Y: double.NaN);
        foreach (var (lon, lat) in ring)
        {
            var x = Math.Round((lon - West) / (East - West) * Width, 1);
            var y = Math.Round((top - Mercator(Math.Clamp(lat, -85, 85))) / (top - bottom) * Height, 1);
            if ((x, y) == previous)
            {
                continue;
            }

            path.Append(path.Length == 0 || double.IsNaN(previous.X) ? 'M' : 'L')
                .Append(x.ToString(CultureInfo.InvariantCulture)).Append(',').Append(y.ToString(CultureInfo.InvariantCulture));
            previous = (x, y);
        }

        path.Append('Z');
    }
}
