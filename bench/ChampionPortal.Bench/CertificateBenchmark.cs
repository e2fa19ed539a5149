using System.Diagnostics;
using System.Globalization;
using System.Text;
using ChampionPortal.Testing;
using ChampionPortal.Web.Domain;
using ChampionPortal.Web.Features.Certificates;
using ChampionPortal.Web.Features.Invitations;
using ChampionPortal.Web.Infrastructure.Pdf;
using ChampionPortal.Web.Infrastructure.Qr;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace ChampionPortal.Bench;

/// <summary>
/// Certificates: (1) a bare PDFsharp page with the same fonts and a QR code, the least a certificate can cost;
/// (2) the portal's certificate renderer; (3) bulk issuance end-to-end on PostgreSQL, as staff start it and the
/// portal's background worker does it (eligibility, claiming items with row locks, rendering, storing each PDF with its
/// hash, marking the items). Goals: rendering within a small factor
/// of the bare page, and bulk issuance no more than 1.5 times the rendering alone.
/// </summary>
public static class CertificateBenchmark
{
    /// <summary>Runs the three measures with rendering spread over <paramref name="cores"/> threads (the process pinned to as many cores).</summary>
    public static async Task<string> RunAsync(int count, int cores = 1)
    {
        await using var cluster = await PostgresCluster.StartAsync();
        var database = await cluster.CreateDatabaseAsync();
        await using var app = new PortalAppFactory(cluster.ProductionConnectionString(database), "Testing", new Dictionary<string, string?>
        {
            ["Email:Outbox:Enabled"] = "false",
            ["Portal:PublicBaseUrl"] = "https://champions.example.org",
        });
        app.Start();
        var cohorts = new List<int>();
        for (var round = 1; round <= Rounds; round++)
        {
            cohorts.Add(await SeedAsync(app, count, $"BENCH{round}"));
        }

        var warmUpCohort = await SeedAsync(app, count, "WARM");

        // What autovacuum would do a minute later, on this same core, in the middle of a measure.
        await app.WithDbAsync(db => db.Database.ExecuteSqlRawAsync("VACUUM (ANALYZE)"));

        using var scope = app.Services.CreateScope();
        var renderer = scope.ServiceProvider.GetRequiredService<ICertificateRenderer>();
        PortalFonts.Install(scope.ServiceProvider.GetRequiredService<IWebHostEnvironment>().WebRootPath);
        var contents = Enumerable.Range(0, count).Select(Content).ToList();
        var issuance = scope.ServiceProvider.GetRequiredService<CertificateIssuanceService>();
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = cores };

        // Counted from the worker's events, without asking the database meanwhile (that would compete for the core).
        var (handled, expected) = (0, 0);
        var finished = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        app.Services.GetRequiredService<IssuanceEvents>().Handled += (_, _) =>
        {
            if (Interlocked.Increment(ref handled) == Volatile.Read(ref expected))
            {
                finished.TrySetResult();
            }
        };

        // An issuance as regional staff start it, done by the portal's own background worker: its whole time, and
        // the part that went to the request.
        async Task<(TimeSpan Whole, TimeSpan Request)> IssueAsync(int cohortId, int recipients)
        {
            finished = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            Volatile.Write(ref handled, 0);
            Volatile.Write(ref expected, recipients);
            var clock = Stopwatch.StartNew();
            var issuanceId = await issuance.StartAsync(cohortId, only: null, notify: false, requestedBy: "benchmark") ?? throw new InvalidOperationException("Nobody to issue to.");
            var request = clock.Elapsed;
            await finished.Task.WaitAsync(TimeSpan.FromMinutes(10));
            var whole = clock.Elapsed;
            if ((await issuance.ProgressAsync(issuanceId))?.Issued is var issued && issued != recipients)
            {
                throw new InvalidOperationException($"Bulk issuance issued {issued} of {recipients}.");
            }

            return (whole, request);
        }

        // A round not counted, the same for every side: in a process a minute old every measure still got faster
        // from one round to the next (a third on one core), as the runtime compiled hot code again, optimized.
        Parallel.ForEach(contents, parallel, c => BarePage(c));
        Parallel.ForEach(contents, parallel, c => renderer.Render(c));
        await IssueAsync(warmUpCohort, count);
        var settled = await Warmth.SettleAsync();

        // The three measures taken in turn, several rounds; the best of each counts (noise only ever adds time).
        var (bare, rendered, bulk, requested) = (TimeSpan.MaxValue, TimeSpan.MaxValue, TimeSpan.MaxValue, TimeSpan.Zero);
        var rounds = new List<string>();
        foreach (var cohortId in cohorts)
        {
            var bareRound = Time(() => Parallel.ForEach(contents, parallel, c => BarePage(c)));
            var renderedRound = Time(() => Parallel.ForEach(contents, parallel, c => renderer.Render(c)));
            var (whole, request) = await IssueAsync(cohortId, count);
            rounds.Add(string.Create(CultureInfo.InvariantCulture, $"{bareRound.TotalSeconds:0.00} / {renderedRound.TotalSeconds:0.00} / {whole.TotalSeconds:0.00} s"));
            (bare, rendered) = (Min(bare, bareRound), Min(rendered, renderedRound));
            if (whole < bulk)
            {
                (bulk, requested) = (whole, request);
            }
        }

        var report = new StringBuilder();
        report.AppendLine(CultureInfo.InvariantCulture, $"### {(cores == 1 ? "One core" : $"{cores} cores, rendering on {cores} threads")} — {count} certificates, best of {Rounds} rounds");
        report.AppendLine();
        report.AppendLine("| Measure | Time | Per second | Ratio |");
        report.AppendLine("|---|---:|---:|---:|");
        report.AppendLine(Row("Bare PDFsharp page (same fonts, QR code)", bare, count, "1.00 (baseline)"));
        report.AppendLine(Row("Certificate rendering", rendered, count, $"{bare / rendered:0.00} of the bare page's rate (goal ≥ 0.70)"));
        report.AppendLine(Row("Bulk issuance end-to-end (PostgreSQL)", bulk, count, $"{bulk / rendered:0.00} × rendering (goal ≤ 1.50)"));
        report.AppendLine();
        report.AppendLine(string.Create(CultureInfo.InvariantCulture, $"Of the bulk issuance, {requested.TotalSeconds:0.00} s went to the request (eligibility of the cohort, one item per recipient)."));
        report.AppendLine();
        report.AppendLine(string.Create(CultureInfo.InvariantCulture, $"Rounds (bare page / rendering / bulk issuance): {string.Join("; ", rounds)}."));
        report.AppendLine();
        report.AppendLine(string.Create(CultureInfo.InvariantCulture, $"Measured after a round not counted and {settled.TotalSeconds:0} s for the compiler to settle."));
        report.AppendLine();
        report.AppendLine(bulk / rendered <= 1.5 ? "Bulk issuance goal met." : "Bulk issuance goal NOT met.");
        return report.ToString();
    }

    private const int Rounds = 3;

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;

    private static string Row(string name, TimeSpan time, int count, string ratio) =>
        string.Create(CultureInfo.InvariantCulture, $"| {name} | {time.TotalSeconds:0.00} s | {count / time.TotalSeconds:0.0} | {ratio} |");

    private static TimeSpan Time(Action work)
    {
        var clock = Stopwatch.StartNew();
        work();
        return clock.Elapsed;
    }

    private static CertificateContent Content(int i) => new(
        i % 10 == 9 ? CertificateKind.LocalGovernment : CertificateKind.Person, (i % 3) switch { 0 => "es", 1 => "pt", _ => "en" },
        $"Champion {i:0000} Conceição Nuñez Añasco", "Secretaria de Desarrollo Social", $"Municipio {i / 10:000}", "Brasil", "2023 — first cohort",
        new DateOnly(2023, 12, 15), "Demo Signatory", "Regional Director", $"CLA-BENCH-{i + 1:0000}", $"ABCD-EFGH-{i:0000}",
        $"https://champions.example.org/verify/ABCD-EFGH-{i:0000}", CertificateImages.None);

    /// <summary>
    /// The same page size, the same fonts embedded (both families, regular and bold, as the certificate has them), the
    /// name and a line of text in each, and the QR code drawn as the certificate draws it.
    /// </summary>
    private static byte[] BarePage(CertificateContent content)
    {
        using var document = new PdfDocument();
        var page = document.AddPage();
        page.Size = PdfSharp.PageSize.A4;
        page.Orientation = PdfSharp.PageOrientation.Landscape;
        using (var g = XGraphics.FromPdfPage(page))
        {
            g.DrawString(content.RecipientName, new XFont(PortalFonts.Display, 40, XFontStyleEx.Bold), XBrushes.Black, new XPoint(80, 240));
            g.DrawString(content.CohortName, new XFont(PortalFonts.Display, 18, XFontStyleEx.Regular), XBrushes.Black, new XPoint(80, 300));
            g.DrawString(content.SignatoryName ?? "", new XFont(PortalFonts.Text, 11, XFontStyleEx.Bold), XBrushes.Black, new XPoint(80, 480));
            g.DrawString(content.VerificationUrl, new XFont(PortalFonts.Text, 9, XFontStyleEx.Regular), XBrushes.Black, new XPoint(80, 500));
            QrCodes.Draw(g, content.VerificationUrl, XColors.Black, 680, 420, 90);
        }

        using var stream = new MemoryStream();
        document.Save(stream, closeStream: false);
        return stream.ToArray();
    }

    /// <summary>A cohort whose recognition goes to <paramref name="count"/> recipients: nine people in ten, and their local governments.</summary>
    private static async Task<int> SeedAsync(PortalAppFactory app, int count, string code)
    {
        var governments = Math.Max(1, count / 10);
        var people = count - governments;
        var (cohortId, sessions) = await app.AddCohortAsync(
            code,
            ("FORUM", EventKind.LaunchForum, new DateTime(2023, 10, 18, 13, 0, 0, DateTimeKind.Utc), 120, "America/Sao_Paulo"),
            ("WS1", EventKind.Workshop, new DateTime(2023, 11, 8, 14, 0, 0, DateTimeKind.Utc), 120, "America/Sao_Paulo"));
        await app.WithDbAsync(async db =>
        {
            var places = Enumerable.Range(0, governments)
                .Select(g => new LocalGovernment { Name = $"Municipio {g:000}", CountryCode = "BR", Kind = LocalGovernmentKind.Municipality, TimeZone = "America/Sao_Paulo" }).ToList();
            db.LocalGovernments.AddRange(places);
            await db.SaveChangesAsync();
            var authorities = Enumerable.Range(0, people).Select(p => new Authority
            {
                FullName = $"Champion {p:0000} Conceição Nuñez Añasco",
                Position = "Secretaria de Desarrollo Social",
                Email = $"champion{p}.{code}@bench.example.org",
                CountryCode = "BR",
                LocalGovernmentId = places[p % governments].Id,
                PreferredLanguage = (p % 3) switch { 0 => "es", 1 => "pt", _ => "en" },
            }).ToList();
            db.Authorities.AddRange(authorities);
            await db.SaveChangesAsync();
            var nominations = authorities.Select(a => new Nomination
            {
                CohortId = cohortId,
                AuthorityId = a.Id,
                LocalGovernmentId = a.LocalGovernmentId,
                CountryCode = "BR",
                Status = NominationStatus.Approved,
                Justification = "Benchmark",
                CreatedAtUtc = DateTime.UtcNow,
            }).ToList();
            db.Nominations.AddRange(nominations);
            await db.SaveChangesAsync();
            db.Invitations.AddRange(nominations.Select(n => new Invitation
            {
                CohortId = cohortId,
                NominationId = n.Id,
                AuthorityId = n.AuthorityId,
                CountryCode = "BR",
                Status = InvitationStatus.Accepted,
                Links = [new InvitationLink { TokenHash = InvitationService.Hash(Guid.NewGuid().ToString("N")), SentAtUtc = DateTime.UtcNow }],
                ExpiresAtUtc = DateTime.UtcNow.AddDays(10),
                SentAtUtc = DateTime.UtcNow,
            }));
            db.Attendances.AddRange(authorities.SelectMany(a => sessions.Values.Select(session => new Attendance
            {
                CohortId = cohortId,
                SessionId = session,
                AuthorityId = a.Id,
                LocalGovernmentId = a.LocalGovernmentId,
                CountryCode = "BR",
                Status = AttendanceStatus.Present,
                RecordedAtUtc = DateTime.UtcNow,
            })));
            return await db.SaveChangesAsync();
        });
        return cohortId;
    }
}
