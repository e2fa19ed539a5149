using System.Net;
using System.Text;
using ChampionPortal.Testing;
using ChampionPortal.Web.Data;
using ChampionPortal.Web.Domain;
using ChampionPortal.Web.Features.Invitations;
using ChampionPortal.Web.Features.Publications;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ChampionPortal.Tests.Auth;

/// <summary>
/// Every endpoint of the portal, from the app's own endpoint data, against a declared answer for each of seven
/// principals. Records belong to country X (Uruguay) and to authority A of local government A; B and Y are the others.
/// </summary>
public sealed class AuthorizationMatrixTests(AuthorizationMatrixTests.MatrixFixture fixture) : IClassFixture<AuthorizationMatrixTests.MatrixFixture>
{
    /// <summary>The principals, in the order of the letters of each matrix entry.</summary>
    private static readonly string[] Principals = ["anonymous", "Authority A", "Authority B", "CountryOffice X", "CountryOffice Y", "RegionalStaff", "Administrator"];

    [Fact]
    public void Every_endpoint_has_an_entry_in_the_matrix_and_every_entry_an_endpoint()
    {
        var endpoints = fixture.EndpointKeys();
        var declared = fixture.Matrix.Select(e => e.Endpoint).ToHashSet();

        endpoints.Except(declared).Should().BeEmpty("a new action needs its row in the authorization matrix");
        declared.Except(endpoints).Should().BeEmpty("the matrix names no action that does not exist");
    }

    [Fact]
    public async Task Every_principal_gets_the_declared_answer_from_every_endpoint()
    {
        var mismatches = new StringBuilder();
        foreach (var entry in fixture.Matrix)
        {
            entry.Expected.Should().HaveLength(Principals.Length, entry.Endpoint);
            for (var p = 0; p < Principals.Length; p++)
            {
                var expected = entry.Expected[p];
                var (observed, status) = await fixture.AskAsync(p, entry, expected);
                if (expected != 'X' && observed != expected)
                {
                    mismatches.AppendLine($"{entry.Endpoint} as {Principals[p]} ({entry.Path}): expected {expected}, got {observed} ({status})");
                }
                else if (expected == 'X' && observed is 'S' or 'D')
                {
                    mismatches.AppendLine($"{entry.Endpoint} as {Principals[p]}: a page for everyone sent {observed}");
                }
            }
        }

        mismatches.ToString().Should().BeEmpty();
    }

    /// <summary>
    /// One endpoint (method and route template), the path asked for, and the expected answer per principal:
    /// A = served (for an unsafe method: past authorization and then refused for want of an antiforgery token),
    /// S = sent to sign in, D = access denied, N = 404 (someone else's record is not even confirmed to exist),
    /// X = served to everyone whatever its status (error pages).
    /// </summary>
    public sealed record Entry(string Endpoint, string Path, string Expected);

    public sealed class MatrixFixture : IAsyncLifetime
    {
        private readonly PortalFixture portal = new UnlimitedPortalFixture();
        private readonly PortalClient?[] clients = new PortalClient?[Principals.Length];
        private readonly string?[] tokens = new string?[Principals.Length];

        public IReadOnlyList<Entry> Matrix { get; private set; } = [];

        public PortalClient Client(int principal) => clients[principal]!;

        public string Token(int principal) => tokens[principal]!;

        public async Task InitializeAsync()
        {
            await portal.InitializeAsync();
            var app = portal.App;
            var (cohort, sessions) = await app.AddCohortAsync(
                "AUTHZ",
                ("FORUM", EventKind.LaunchForum, new DateTime(2023, 10, 18, 13, 0, 0, DateTimeKind.Utc), 120, "America/Montevideo"),
                ("WS1", EventKind.Workshop, new DateTime(2023, 11, 8, 14, 0, 0, DateTimeKind.Utc), 120, "America/Montevideo"));
            var lgA = await app.AddLocalGovernmentAsync("Salto Matrix", "UY");
            var lgB = await app.AddLocalGovernmentAsync("Cusco Matrix", "PE");
            var a = await app.AddChampionAsync(cohort, sessions.Values, "Ana Matrix", lgA, "UY", "es");
            var b = await app.AddChampionAsync(cohort, sessions.Values, "Bruno Matrix", lgB, "PE", "es");

            // A nomination waiting for review, so that reviewers' forms (and a rejection's confirmation) are on the pages.
            await app.AddSubmittedNominationAsync(cohort, await app.AddAuthorityAsync("Carla Matrix", lgA, "UY"), lgA, "UY");

            clients[0] = app.NewClient();
            clients[1] = await SignedInAsync(app, await app.CreateUserAsync(Roles.Authority, authorityId: a));
            clients[2] = await SignedInAsync(app, await app.CreateUserAsync(Roles.Authority, authorityId: b));
            clients[3] = await app.SignedInClientAsync(Roles.CountryOffice, "UY");
            clients[4] = await app.SignedInClientAsync(Roles.CountryOffice, "PE");
            clients[5] = await app.SignedInClientAsync(Roles.RegionalStaff);
            clients[6] = await app.SignedInClientAsync(Roles.Administrator);
            for (var p = 0; p < Principals.Length; p++)
            {
                var (_, page) = await clients[p]!.GetPageAsync(p == 0 ? "/account/sign-in" : "/account/profile");
                tokens[p] = page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value");
            }

            var (_, list) = await clients[5]!.GetPageAsync($"/certificates?cohort={cohort}");
            await clients[5]!.SubmitAsync(list, new Dictionary<string, string?>(), "[data-testid=issue-form]");
            await app.IssuancesFinishedAsync();

            using var scope = app.Services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            var events = await db.Events.Where(e => e.CohortId == cohort).OrderBy(e => e.Kind).Select(e => e.Id).ToListAsync();
            var nomination = await db.Nominations.Where(n => n.AuthorityId == a).Select(n => n.Id).SingleAsync();
            var invitation = await db.Invitations.SingleAsync(i => i.AuthorityId == a);
            db.InvitationLinks.Add(new InvitationLink { InvitationId = invitation.Id, TokenHash = InvitationService.Hash("matrix-invitation-a") });
            db.CalendarFeeds.Add(new CalendarFeed { AuthorityId = a, Token = "matrix-feed-a", CreatedAtUtc = DateTime.UtcNow });
            var certificate = await db.Certificates.Where(c => c.AuthorityId == a && c.Kind == CertificateKind.Person)
                .Select(c => new { c.Id, c.Serial, c.VerificationCode, c.StatusListId }).SingleAsync();
            var issuance = await db.CertificateIssuances.OrderBy(i => i.Id).Select(i => i.Id).FirstAsync();
            var action = new LocalAction { CohortId = cohort, LocalGovernmentId = lgA, CountryCode = "UY", Title = "Migrant desk" };
            var item = new AgendaItem { CohortId = cohort, LocalGovernmentId = lgA, CountryCode = "UY", Kind = AgendaItemKind.Challenge, Text = "Documentation" };
            var entry = new AgendaEntry { CohortId = cohort, Kind = AgendaItemKind.Challenge, Text = "Documentation for all" };
            var resource = new Resource { Title = "Handbook", Visibility = ResourceVisibility.Champions, Files = [new ResourceFile { Language = "es", Url = "https://example.org/handbook.pdf" }] };
            var stakeholder = new Stakeholder { Organization = "Red", ContactName = "Rosa", Email = "rosa@test.example.org" };
            db.AddRange(action, item, entry, resource, stakeholder);
            await db.SaveChangesAsync();
            var publication = await scope.ServiceProvider.GetRequiredService<PublicationService>().PublishAsync(cohort, PublicationKind.Agenda) ?? throw new InvalidOperationException("Not published.");
            var message = await db.OutboxMessages.OrderBy(m => m.Id).Select(m => m.Id).FirstAsync();
            var admin = await db.Users.Where(u => u.AuthorityId == null && u.CountryCode == null).OrderByDescending(u => u.Id).Select(u => u.Id).FirstAsync();
            var session = sessions["FORUM"];
            var code = Grouped(certificate.VerificationCode);

            Matrix = Declare(new Ids(cohort, events[0], session, lgA, a, nomination, invitation.Id, certificate.Id, certificate.Serial, code, issuance,
                action.Id, item.Id, entry.Id, publication, resource.Id, stakeholder.Id, message, admin, certificate.StatusListId!.Value,
                (await scope.ServiceProvider.GetRequiredService<ChampionPortal.Web.Features.Certificates.IssuerKeys>().CurrentAsync()).KeyId));
        }

        public HashSet<string> EndpointKeys() =>
            portal.App.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
                .Select(e => $"{Method(e)} /{e.RoutePattern.RawText!.TrimStart('/')}")
                .ToHashSet();

        public async Task<(char Observed, HttpStatusCode Status)> AskAsync(int principal, Entry entry, char expected)
        {
            var client = clients[principal]!;
            HttpResponseMessage response;
            if (entry.Endpoint.StartsWith("GET ", StringComparison.Ordinal) || entry.Endpoint.StartsWith("ANY ", StringComparison.Ordinal))
            {
                response = await client.GetAsync(entry.Path);
            }
            else
            {
                // Allowed principals post without the token: antiforgery refuses them after authorization let them
                // through, and nothing changes. The others post with a valid token: only authorization stops them.
                var fields = expected == 'A' ? [] : new List<KeyValuePair<string, string>> { new("__RequestVerificationToken", tokens[principal]!) };
                response = (await client.PostAsync(entry.Path, fields)).Response;
            }

            var location = response.Headers.Location?.ToString() ?? "";
            var observed = response.StatusCode switch
            {
                HttpStatusCode.NotFound => 'N',
                HttpStatusCode.Redirect or HttpStatusCode.Found or HttpStatusCode.SeeOther when location.Contains("/account/sign-in", StringComparison.Ordinal) => 'S',
                HttpStatusCode.Redirect or HttpStatusCode.SeeOther when location.Contains("/account/access-denied", StringComparison.Ordinal) => 'D',
                HttpStatusCode.BadRequest when entry.Endpoint.StartsWith("POST ", StringComparison.Ordinal) => 'A',
                >= HttpStatusCode.OK and < HttpStatusCode.BadRequest => 'A',
                HttpStatusCode.BadRequest => 'A',

                // A link that was valid once (an answered invitation, a closed check-in) is answered, not hidden.
                HttpStatusCode.Gone => 'A',
                _ => '!',
            };
            return (observed, response.StatusCode);
        }

        public async Task DisposeAsync()
        {
            foreach (var client in clients)
            {
                client?.Dispose();
            }

            await portal.DisposeAsync();
        }

        private static async Task<PortalClient> SignedInAsync(PortalAppFactory app, string email)
        {
            var client = app.NewClient();
            await client.SignInAsync(email);
            return client;
        }

        private static string Method(RouteEndpoint endpoint) =>
            endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods is { Count: > 0 } methods ? string.Join(",", methods) : "ANY";

        private static string Grouped(string code) => ChampionPortal.Web.Features.Certificates.CertificateVerification.Grouped(code);

        private sealed record Ids(
            int Cohort, int Event, int Session, int LocalGovernment, int Authority, int Nomination, int Invitation, int Certificate, string Serial,
            string Code, int Issuance, int Action, int AgendaItem, int AgendaEntry, int Publication, int Resource, int Stakeholder, long Message, int User,
            int StatusList, string SigningKey);

        //                                   anonymous, Authority A, Authority B, CountryOffice X, CountryOffice Y, RegionalStaff, Administrator
        private static List<Entry> Declare(Ids i) =>
        [
            new("GET /", "/", "AAAAAAA"),
            new("ANY /health/live", "/health/live", "AAAAAAA"),
            new("ANY /health/ready", "/health/ready", "AAAAAAA"),
            new("ANY /error", "/error", "XXXXXXX"),
            new("ANY /error/{code:int}", "/error/404", "NNNNNNN"),
            new("ANY /{*path}", "/no-such-page", "NNNNNNN"),
            new("POST /language", "/language", "AAAAAAA"),

            // Account: signing in is open; the rest is one's own account.
            new("GET /account/sign-in", "/account/sign-in", "AAAAAAA"),
            new("POST /account/sign-in", "/account/sign-in", "AAAAAAA"),
            new("POST /account/sign-out", "/account/sign-out", "SAAAAAA"),
            new("GET /account/access-denied", "/account/access-denied", "AAAAAAA"),
            new("GET /account/forgot-password", "/account/forgot-password", "AAAAAAA"),
            new("POST /account/forgot-password", "/account/forgot-password", "AAAAAAA"),
            new("GET /account/reset-password", "/account/reset-password?user=1&token=x", "AAAAAAA"),
            new("POST /account/reset-password", "/account/reset-password", "AAAAAAA"),
            new("GET /account/change-password", "/account/change-password", "SAAAAAA"),
            new("POST /account/change-password", "/account/change-password", "SAAAAAA"),
            new("GET /account/profile", "/account/profile", "SAAAAAA"),
            new("POST /account/profile", "/account/profile", "SAAAAAA"),
            new("GET /account/two-factor", "/account/two-factor", "SSSSSSS"),
            new("POST /account/two-factor", "/account/two-factor", "AAAAAAA"),
            new("GET /account/two-factor/setup", "/account/two-factor/setup", "SAAAAAA"),
            new("POST /account/two-factor/setup", "/account/two-factor/setup", "SAAAAAA"),
            new("POST /account/two-factor/setup/link", "/account/two-factor/setup/link", "SAAAAAA"),
            new("POST /account/two-factor/recovery-codes", "/account/two-factor/recovery-codes", "SAAAAAA"),
            new("POST /account/two-factor/disable", "/account/two-factor/disable", "SAAAAAA"),

            // Administration.
            new("GET /audit", "/audit", "SDDDDDA"),
            new("GET /users", "/users", "SDDDDDA"),
            new("GET /users/{id:int}", $"/users/{i.User}", "SDDDDDA"),
            new("GET /users/new", "/users/new", "SDDDDDA"),
            new("POST /users/new", "/users/new", "SDDDDDA"),
            new("POST /users/{id:int}/{operation:regex(^(deactivate|reactivate|reset-lockout|send-password-link)$)}", $"/users/{i.User}/deactivate", "SDDDDDA"),
            new("GET /reference-data", "/reference-data", "SDDDDDA"),
            new("GET /reference-data/{kind}/{number:int}/edit", "/reference-data/Objective/1/edit", "SDDDDDA"),
            new("POST /reference-data/{kind}/{number:int}/edit", "/reference-data/Objective/1/edit", "SDDDDDA"),

            // Local governments and authorities: country offices reach their own country's only.
            new("GET /local-governments", "/local-governments", "SDDAAAA"),
            new("GET /local-governments/export", "/local-governments/export?format=csv", "SDDAAAA"),
            new("GET /local-governments/{id:int}", $"/local-governments/{i.LocalGovernment}", "SDDANAA"),
            new("GET /local-governments/new", "/local-governments/new", "SDDAAAA"),
            new("POST /local-governments/new", "/local-governments/new", "SDDAAAA"),
            new("GET /local-governments/{id:int}/edit", $"/local-governments/{i.LocalGovernment}/edit", "SDDANAA"),
            new("POST /local-governments/{id:int}/edit", $"/local-governments/{i.LocalGovernment}/edit", "SDDANAA"),
            new("GET /local-governments/{id:int}/delete", $"/local-governments/{i.LocalGovernment}/delete", "SDDANAA"),
            new("POST /local-governments/{id:int}/delete", $"/local-governments/{i.LocalGovernment}/delete", "SDDANAA"),
            new("GET /authorities", "/authorities", "SDDAAAA"),
            new("GET /authorities/export", "/authorities/export?format=csv", "SDDAAAA"),
            new("GET /authorities/{id:int}", $"/authorities/{i.Authority}", "SDDANAA"),
            new("GET /authorities/new", "/authorities/new", "SDDAAAA"),
            new("POST /authorities/new", "/authorities/new", "SDDAAAA"),
            new("GET /authorities/{id:int}/edit", $"/authorities/{i.Authority}/edit", "SDDANAA"),
            new("POST /authorities/{id:int}/edit", $"/authorities/{i.Authority}/edit", "SDDANAA"),
            new("GET /authorities/{id:int}/delete", $"/authorities/{i.Authority}/delete", "SDDANAA"),
            new("POST /authorities/{id:int}/delete", $"/authorities/{i.Authority}/delete", "SDDANAA"),
            new("GET /authorities/{id:int}/personal-data", $"/authorities/{i.Authority}/personal-data", "SDDDDDA"),
            new("GET /authorities/{id:int}/erase", $"/authorities/{i.Authority}/erase", "SDDDDDA"),
            new("POST /authorities/{id:int}/erase", $"/authorities/{i.Authority}/erase", "SDDDDDA"),
            new("GET /imports", "/imports", "SDDAAAA"),
            new("GET /imports/template", "/imports/template?format=csv", "SDDAAAA"),
            new("POST /imports", "/imports", "SDDAAAA"),
            new("POST /imports/{token}", "/imports/not-a-batch", "SDDAAAA"),

            // Nominations: country offices nominate in their country; staff review.
            new("GET /nominations", "/nominations", "SDDAAAA"),
            new("GET /nominations/export", "/nominations/export?format=csv", "SDDAAAA"),
            new("GET /nominations/overview", $"/nominations/overview?cohort={i.Cohort}", "SDDAAAA"),
            new("GET /nominations/{id:int}", $"/nominations/{i.Nomination}", "SDDANAA"),
            new("GET /nominations/new", "/nominations/new", "SDDAADD"),
            new("POST /nominations/new", "/nominations/new", "SDDAADD"),
            new("GET /nominations/{id:int}/edit", $"/nominations/{i.Nomination}/edit", "SDDANDD"),
            new("POST /nominations/{id:int}/edit", $"/nominations/{i.Nomination}/edit", "SDDANDD"),
            new("GET /nominations/{id:int}/withdraw", $"/nominations/{i.Nomination}/withdraw", "SDDANDD"),
            new("POST /nominations/{id:int}/withdraw", $"/nominations/{i.Nomination}/withdraw", "SDDANDD"),
            new("POST /nominations/review", "/nominations/review", "SDDDDAA"),
            new("GET /nominations/quotas", $"/nominations/quotas?cohort={i.Cohort}", "SDDDDAA"),
            new("POST /nominations/quotas", "/nominations/quotas", "SDDDDAA"),
            new("GET /invitations", $"/invitations?cohort={i.Cohort}", "SDDAAAA"),
            new("POST /invitations/invite", "/invitations/invite", "SDDDDAA"),
            new("POST /invitations/remind", "/invitations/remind", "SDDDDAA"),
            new("POST /invitations/{id:int}/{operation:regex(^(resend|revoke|extend)$)}", $"/invitations/{i.Invitation}/resend", "SDDDDAA"),
            new("GET /rsvp/{token}", "/rsvp/matrix-invitation-a", "AAAAAAA"),
            new("POST /rsvp/{token}", "/rsvp/matrix-invitation-a", "AAAAAAA"),

            // The feed's token is its credential: calendar programs cannot sign in.
            new("GET /calendar/{token}.ics", "/calendar/matrix-feed-a.ics", "AAAAAAA"),
            new("GET /calendar/{token}/sessions/{sessionId:int}.ics", $"/calendar/matrix-feed-a/sessions/{i.Session}.ics", "AAAAAAA"),
            new("GET /calendar/sessions/{sessionId:int}.ics", $"/calendar/sessions/{i.Session}.ics", "SAADDDD"),
            new("POST /calendar/feed", "/calendar/feed", "SAADDDD"),
            new("GET /calendar/feed/replace", "/calendar/feed/replace", "SAADDDD"),
            new("GET /calendar/feed/stop", "/calendar/feed/stop", "SAADDDD"),
            new("POST /calendar/feed/stop", "/calendar/feed/stop", "SAADDDD"),
            new("GET /funnel", "/funnel", "SDDAAAA"),
            new("GET /funnel/export", $"/funnel/export?cohort={i.Cohort}&table=Stages&format=csv", "SDDAAAA"),

            // Cohorts, events, sessions, attendance: regional staff.
            new("GET /cohorts", "/cohorts", "SDDDDAA"),
            new("GET /cohorts/{id:int}", $"/cohorts/{i.Cohort}", "SDDDDAA"),
            new("GET /cohorts/new", "/cohorts/new", "SDDDDAA"),
            new("POST /cohorts/new", "/cohorts/new", "SDDDDAA"),
            new("GET /cohorts/{id:int}/edit", $"/cohorts/{i.Cohort}/edit", "SDDDDAA"),
            new("POST /cohorts/{id:int}/edit", $"/cohorts/{i.Cohort}/edit", "SDDDDAA"),
            new("GET /cohorts/{id:int}/delete", $"/cohorts/{i.Cohort}/delete", "SDDDDAA"),
            new("POST /cohorts/{id:int}/delete", $"/cohorts/{i.Cohort}/delete", "SDDDDAA"),
            new("GET /cohorts/{cohortId:int}/eligibility", $"/cohorts/{i.Cohort}/eligibility", "SDDDDAA"),
            new("POST /cohorts/{cohortId:int}/eligibility/rules", $"/cohorts/{i.Cohort}/eligibility/rules", "SDDDDAA"),
            new("POST /cohorts/{cohortId:int}/eligibility/people/{authorityId:int}", $"/cohorts/{i.Cohort}/eligibility/people/{i.Authority}", "SDDDDAA"),
            new("GET /cohorts/{cohortId:int}/register", $"/cohorts/{i.Cohort}/register", "SDDDDAA"),
            new("GET /cohorts/{cohortId:int}/register/template", $"/cohorts/{i.Cohort}/register/template?format=csv", "SDDDDAA"),
            new("POST /cohorts/{cohortId:int}/register", $"/cohorts/{i.Cohort}/register", "SDDDDAA"),
            new("POST /cohorts/{cohortId:int}/register/{token}", $"/cohorts/{i.Cohort}/register/not-a-batch", "SDDDDAA"),
            new("GET /events", "/events", "SDDDDAA"),
            new("GET /events/{id:int}", $"/events/{i.Event}", "SDDDDAA"),
            new("GET /events/new", $"/events/new?cohort={i.Cohort}", "SDDDDAA"),
            new("POST /events/new", "/events/new", "SDDDDAA"),
            new("GET /events/{id:int}/edit", $"/events/{i.Event}/edit", "SDDDDAA"),
            new("POST /events/{id:int}/edit", $"/events/{i.Event}/edit", "SDDDDAA"),
            new("GET /events/{id:int}/delete", $"/events/{i.Event}/delete", "SDDDDAA"),
            new("POST /events/{id:int}/delete", $"/events/{i.Event}/delete", "SDDDDAA"),
            new("GET /sessions", "/sessions", "SDDDDAA"),
            new("GET /sessions/{id:int}", $"/sessions/{i.Session}", "SDDDDAA"),
            new("GET /sessions/new", $"/sessions/new?event={i.Event}", "SDDDDAA"),
            new("POST /sessions/new", "/sessions/new", "SDDDDAA"),
            new("GET /sessions/{id:int}/edit", $"/sessions/{i.Session}/edit", "SDDDDAA"),
            new("POST /sessions/{id:int}/edit", $"/sessions/{i.Session}/edit", "SDDDDAA"),
            new("GET /sessions/{id:int}/delete", $"/sessions/{i.Session}/delete", "SDDDDAA"),
            new("POST /sessions/{id:int}/delete", $"/sessions/{i.Session}/delete", "SDDDDAA"),
            new("GET /sessions/{sessionId:int}/attendance", $"/sessions/{i.Session}/attendance", "SDDDDAA"),
            new("POST /sessions/{sessionId:int}/attendance", $"/sessions/{i.Session}/attendance", "SDDDDAA"),
            new("POST /sessions/{sessionId:int}/attendance/close", $"/sessions/{i.Session}/attendance/close", "SDDDDAA"),
            new("GET /sessions/{sessionId:int}/attendance/check-in", $"/sessions/{i.Session}/attendance/check-in", "SDDDDAA"),
            new("GET /sessions/{sessionId:int}/attendance/report", $"/sessions/{i.Session}/attendance/report", "SDDDDAA"),
            new("POST /sessions/{sessionId:int}/attendance/report", $"/sessions/{i.Session}/attendance/report", "SDDDDAA"),
            new("GET /sessions/{sessionId:int}/attendance/report/{token}", $"/sessions/{i.Session}/attendance/report/not-a-batch", "SDDDDNN"),
            new("POST /sessions/{sessionId:int}/attendance/report/{token}/columns", $"/sessions/{i.Session}/attendance/report/not-a-batch/columns", "SDDDDAA"),
            new("POST /sessions/{sessionId:int}/attendance/report/{token}", $"/sessions/{i.Session}/attendance/report/not-a-batch", "SDDDDAA"),
            new("GET /check-in", "/check-in", "AAAAAAA"),
            new("POST /check-in", "/check-in", "SAADDDD"),
            new("GET /check-in/invitation/{token}", "/check-in/invitation/matrix-invitation-a", "AAAAAAA"),
            new("POST /check-in/invitation/{token}", "/check-in/invitation/matrix-invitation-a", "AAAAAAA"),
            new("GET /outbox", "/outbox", "SDDDDAA"),
            new("GET /outbox/templates", "/outbox/templates", "SDDDDAA"),
            new("GET /outbox/templates/{name}", "/outbox/templates/Invitation", "SDDDDAA"),
            new("POST /outbox/{id:long}/resend", $"/outbox/{i.Message}/resend", "SDDDDAA"),

            // Workshop outputs: an authority writes its own local government's; a country office reads its country's.
            new("GET /mapping", "/mapping", "SAAAAAA"),
            new("GET /mapping/coverage", $"/mapping/coverage?cohort={i.Cohort}", "SAAAAAA"),
            new("GET /mapping/{cohortId:int}/{localGovernmentId:int}", $"/mapping/{i.Cohort}/{i.LocalGovernment}", "SANANAA"),
            new("GET /mapping/{cohortId:int}/{localGovernmentId:int}/new", $"/mapping/{i.Cohort}/{i.LocalGovernment}/new", "SANNNAA"),
            new("POST /mapping/{cohortId:int}/{localGovernmentId:int}/new", $"/mapping/{i.Cohort}/{i.LocalGovernment}/new", "SANNNAA"),
            new("GET /mapping/actions/{id:int}/edit", $"/mapping/actions/{i.Action}/edit", "SANNNAA"),
            new("POST /mapping/actions/{id:int}/edit", $"/mapping/actions/{i.Action}/edit", "SANNNAA"),
            new("GET /mapping/actions/{id:int}/delete", $"/mapping/actions/{i.Action}/delete", "SANNNAA"),
            new("POST /mapping/actions/{id:int}/delete", $"/mapping/actions/{i.Action}/delete", "SANNNAA"),
            new("GET /agenda", "/agenda", "SAAAAAA"),
            new("POST /agenda/{cohortId:int}/items", $"/agenda/{i.Cohort}/items", "SAADDAA"),
            new("GET /agenda/items/{id:int}/delete", $"/agenda/items/{i.AgendaItem}/delete", "SANNNAA"),
            new("POST /agenda/items/{id:int}/delete", $"/agenda/items/{i.AgendaItem}/delete", "SANNNAA"),
            new("GET /agenda/{cohortId:int}/systematize", $"/agenda/{i.Cohort}/systematize", "SDDDDAA"),
            new("POST /agenda/{cohortId:int}/themes", $"/agenda/{i.Cohort}/themes", "SDDDDAA"),
            new("POST /agenda/{cohortId:int}/entries", $"/agenda/{i.Cohort}/entries", "SDDDDAA"),
            new("POST /agenda/{cohortId:int}/entries/{id:int}", $"/agenda/{i.Cohort}/entries/{i.AgendaEntry}", "SDDDDAA"),
            new("POST /agenda/{cohortId:int}/entries/{id:int}/release", $"/agenda/{i.Cohort}/entries/{i.AgendaEntry}/release", "SDDDDAA"),
            new("GET /publications", "/publications", "AAAAAAA"),
            new("POST /publications", "/publications", "SDDDDAA"),
            new("GET /publications/{id:int}", $"/publications/{i.Publication}", "AAAAAAA"),
            new("GET /publications/{id:int}/pdf", $"/publications/{i.Publication}/pdf", "AAAAAAA"),
            new("GET /publications/{id:int}/export", $"/publications/{i.Publication}/export?format=csv", "AAAAAAA"),
            new("GET /resources", "/resources", "AAAAAAA"),
            new("POST /resources", "/resources", "SDDDDAA"),
            new("GET /resources/{id:int}/{language}", $"/resources/{i.Resource}/es", "NAAAAAA"),
            new("GET /resources/{id:int}/delete", $"/resources/{i.Resource}/delete", "SDDDDAA"),
            new("POST /resources/{id:int}/delete", $"/resources/{i.Resource}/delete", "SDDDDAA"),
            new("GET /dissemination", "/dissemination", "SDDDDAA"),
            new("POST /dissemination/{cohortId:int}", $"/dissemination/{i.Cohort}", "SDDDDAA"),
            new("POST /dissemination/{cohortId:int}/stakeholders", $"/dissemination/{i.Cohort}/stakeholders", "SDDDDAA"),
            new("GET /dissemination/{cohortId:int}/stakeholders/{id:int}/delete", $"/dissemination/{i.Cohort}/stakeholders/{i.Stakeholder}/delete", "SDDDDAA"),
            new("POST /dissemination/{cohortId:int}/stakeholders/{id:int}/delete", $"/dissemination/{i.Cohort}/stakeholders/{i.Stakeholder}/delete", "SDDDDAA"),
            new("GET /material/{token}", "/material/not-a-link", "NNNNNNN"),
            new("GET /material/{token}/publications/{id:int}", $"/material/not-a-link/publications/{i.Publication}", "NNNNNNN"),
            new("GET /material/{token}/resources/{id:int}", $"/material/not-a-link/resources/{i.Resource}", "NNNNNNN"),

            // Certificates: an authority downloads its own; a country office its country's; staff issue.
            new("GET /certificates", "/certificates", "SAAAAAA"),
            new("POST /certificates/issue", "/certificates/issue", "SDDDDAA"),
            new("GET /certificates/issuance/{id:int}", $"/certificates/issuance/{i.Issuance}", "SDDDDAA"),
            new("GET /certificates/{id:int}/pdf", $"/certificates/{i.Certificate}/pdf", "SANANAA"),
            new("GET /certificates/serial/{serial}", $"/certificates/serial/{i.Serial}", "SANANAA"),
            new("GET /certificates/{id:int}/badge", $"/certificates/{i.Certificate}/badge", "SANANAA"),
            new("GET /certificates/{id:int}/badge.jwt", $"/certificates/{i.Certificate}/badge.jwt", "SANANAA"),
            new("GET /certificates/{id:int}/badge.svg", $"/certificates/{i.Certificate}/badge.svg", "SANANAA"),
            new("GET /certificates/zip", $"/certificates/zip?cohort={i.Cohort}", "SDDAAAA"),
            new("POST /certificates/{id:int}/revoke", $"/certificates/{i.Certificate}/revoke", "SDDDDAA"),
            new("POST /certificates/{id:int}/reissue", $"/certificates/{i.Certificate}/reissue", "SDDDDAA"),
            new("POST /certificates/{id:int}/supersede", $"/certificates/{i.Certificate}/supersede", "SDDDDAA"),
            new("GET /settings/certificates", "/settings/certificates", "SDDDDAA"),
            new("POST /settings/certificates/logos/{slot:int:range(1,2)}", "/settings/certificates/logos/1", "SDDDDDA"),
            new("GET /settings/certificates/logos/{slot:int:range(1,2)}/remove", "/settings/certificates/logos/1/remove", "SDDDDDA"),
            new("POST /settings/certificates/logos/{slot:int:range(1,2)}/remove", "/settings/certificates/logos/1/remove", "SDDDDDA"),
            new("POST /settings/certificates/signatures/{cohort:int}", $"/settings/certificates/signatures/{i.Cohort}", "SDDDDAA"),
            new("GET /settings/certificates/signatures/{cohort:int}/remove", $"/settings/certificates/signatures/{i.Cohort}/remove", "SDDDDAA"),
            new("POST /settings/certificates/signatures/{cohort:int}/remove", $"/settings/certificates/signatures/{i.Cohort}/remove", "SDDDDAA"),
            new("GET /settings/certificates/images/{key}", "/settings/certificates/images/logo-1", "SDDDDNN"),
            new("GET /settings/certificates/preview/{cohort:int}/{language}", $"/settings/certificates/preview/{i.Cohort}/es", "SDDDDAA"),
            new("GET /certificates/download/{token}", "/certificates/download/not-a-link", "NNNNNNN"),
            new("GET /certificates/download/{token}/pdf", "/certificates/download/not-a-link/pdf", "NNNNNNN"),
            new("POST /certificates/download/{token}/account", "/certificates/download/not-a-link/account", "AAAAAAA"),
            new("GET /verify", "/verify", "AAAAAAA"),
            new("GET /verify/{code}", $"/verify/{i.Code}", "AAAAAAA"),
            new("POST /verify/credential", "/verify/credential", "AAAAAAA"),

            // What verifiers fetch: public, no personal data.
            new("GET /issuer", "/issuer", "AAAAAAA"),
            new("GET /.well-known/jwks.json", "/.well-known/jwks.json", "AAAAAAA"),
            new("GET /keys/{keyId}", $"/keys/{i.SigningKey}", "AAAAAAA"),
            new("GET /achievements/{cohortCode}/{kind}", "/achievements/AUTHZ/person", "AAAAAAA"),
            new("GET /achievements/{cohortCode}/{kind}/image.svg", "/achievements/AUTHZ/local-government/image.svg", "AAAAAAA"),
            new("GET /achievements/{cohortCode}/{kind}/{language:regex(^(es|pt)$)}", "/achievements/AUTHZ/person/es", "AAAAAAA"),
            new("GET /achievements/{cohortCode}/{kind}/{language:regex(^(es|pt)$)}/image.svg", "/achievements/AUTHZ/person/pt/image.svg", "AAAAAAA"),
            new("GET /status-lists/{id:int}", $"/status-lists/{i.StatusList}", "AAAAAAA"),

            // The public site.
            new("GET /champions", "/champions", "AAAAAAA"),
            new("GET /open-data/champions.{format:regex(^(csv|json)$)}", "/open-data/champions.csv", "AAAAAAA"),
            new("GET /open-data/champions/{cohort}.{format:regex(^(csv|json)$)}", "/open-data/champions/AUTHZ.json", "AAAAAAA"),
        ];
    }

    /// <summary>All principals ask from one address: the per-address limits on public links would answer 429.</summary>
    private sealed class UnlimitedPortalFixture : PortalFixture
    {
        protected override PortalAppFactory CreateFactory(string connectionString) =>
            new(connectionString, settings: new Dictionary<string, string?> { ["RateLimits:RsvpPerMinute"] = "100000" });
    }
}
