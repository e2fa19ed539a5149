using ChampionPortal.Web.Data;
using ChampionPortal.Web.Data.Seeding;
using ChampionPortal.Web.Domain;
using ChampionPortal.Web.Features.Certificates;
using ChampionPortal.Web.Infrastructure.Localization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace ChampionPortal.Web.Features.Demo;

/// <summary>
/// A clearly labelled demo cohort of fictional people shaped like the 2023 cohort: 40 authorities from the ten
/// countries, 27 local governments, a launch forum with one session and a workshop with two, and one account per
/// role. Local governments carry real place names; every person is invented. Longer than a service: it is data,
/// the whole demo cohort in one place, read from top to bottom.
/// </summary>
public sealed class DemoData(PortalDbContext db, UserManager<PortalUser> userManager, TimeProvider timeProvider, CertificateIssuanceService issuance)
{
    public const string CohortCode = "2023";
    public const string Password = "Demo-Champion-2023";

    public static readonly IReadOnlyList<(string Email, string Role, string Description)> Accounts =
    [
        ("admin@demo.example.org", Roles.Administrator, "Administrator"),
        ("staff@demo.example.org", Roles.RegionalStaff, "Regional staff"),
        ("office.ar@demo.example.org", Roles.CountryOffice, "Country office, Argentina"),
        ("office.br@demo.example.org", Roles.CountryOffice, "Country office, Brazil"),
        ("authority@demo.example.org", Roles.Authority, "Authority (Rosario, Argentina)"),
    ];

    // Country, name, kind, IANA time zone, latitude, longitude, MERCOCIUDADES member, authorities.
    public static readonly (string Country, string Name, LocalGovernmentKind Kind, string Zone, double Lat, double Lon, bool Mercociudades, int People)[] Places =
    [
        ("AR", "Rosario", LocalGovernmentKind.Municipality, "America/Argentina/Buenos_Aires", -32.9468, -60.6393, true, 2),
        ("AR", "Córdoba", LocalGovernmentKind.Municipality, "America/Argentina/Cordoba", -31.4201, -64.1888, true, 2),
        ("AR", "Mendoza", LocalGovernmentKind.Municipality, "America/Argentina/Mendoza", -32.8895, -68.8458, true, 1),
        ("AR", "San Martín", LocalGovernmentKind.Municipality, "America/Argentina/Buenos_Aires", -34.5755, -58.5372, false, 1),
        ("BO", "La Paz", LocalGovernmentKind.Municipality, "America/La_Paz", -16.4897, -68.1193, true, 2),
        ("BO", "Cochabamba", LocalGovernmentKind.Municipality, "America/La_Paz", -17.3895, -66.1568, false, 1),
        ("BR", "São Paulo", LocalGovernmentKind.City, "America/Sao_Paulo", -23.5505, -46.6333, true, 2),
        ("BR", "Belo Horizonte", LocalGovernmentKind.City, "America/Sao_Paulo", -19.9167, -43.9345, true, 1),
        ("BR", "Boa Vista", LocalGovernmentKind.City, "America/Boa_Vista", 2.8235, -60.6758, false, 2),
        ("BR", "Manaus", LocalGovernmentKind.City, "America/Manaus", -3.1190, -60.0217, false, 1),
        ("CL", "Santiago", LocalGovernmentKind.Municipality, "America/Santiago", -33.4489, -70.6693, true, 2),
        ("CL", "Antofagasta", LocalGovernmentKind.Municipality, "America/Santiago", -23.6509, -70.3975, false, 2),
        ("CL", "Arica", LocalGovernmentKind.Municipality, "America/Santiago", -18.4783, -70.3126, false, 1),
        ("CO", "Bogotá", LocalGovernmentKind.City, "America/Bogota", 4.7110, -74.0721, true, 2),
        ("CO", "Medellín", LocalGovernmentKind.City, "America/Bogota", 6.2442, -75.5812, true, 2),
        ("CO", "Cúcuta", LocalGovernmentKind.City, "America/Bogota", 7.8939, -72.5078, false, 1),
        ("EC", "Quito", LocalGovernmentKind.Municipality, "America/Guayaquil", -0.1807, -78.4678, true, 2),
        ("EC", "Guayaquil", LocalGovernmentKind.Municipality, "America/Guayaquil", -2.1710, -79.9224, false, 1),
        ("EC", "Cuenca", LocalGovernmentKind.Municipality, "America/Guayaquil", -2.9001, -79.0059, true, 1),
        ("PY", "Asunción", LocalGovernmentKind.Municipality, "America/Asuncion", -25.2637, -57.5759, true, 2),
        ("PY", "Encarnación", LocalGovernmentKind.Municipality, "America/Asuncion", -27.3306, -55.8667, false, 1),
        ("PE", "Lima", LocalGovernmentKind.Municipality, "America/Lima", -12.0464, -77.0428, true, 2),
        ("PE", "Tumbes", LocalGovernmentKind.Department, "America/Lima", -3.5669, -80.4515, false, 1),
        ("PE", "Arequipa", LocalGovernmentKind.Province, "America/Lima", -16.4090, -71.5375, false, 1),
        ("UY", "Montevideo", LocalGovernmentKind.Department, "America/Montevideo", -34.9011, -56.1645, true, 2),
        ("UY", "Rivera", LocalGovernmentKind.Department, "America/Montevideo", -30.9053, -55.5508, false, 1),
        ("VE", "Maracaibo", LocalGovernmentKind.Municipality, "America/Caracas", 10.6427, -71.6125, false, 1),
    ];

    private static readonly string[] GivenNames =
    [
        "María José", "Juan Pablo", "Ana Lucía", "José Luis", "Camila", "Andrés", "Valentina", "Sebastián", "Lucía", "Martín",
        "Fernanda", "Tomás", "Isabela", "João", "Gabriela", "Mateus", "Daniela", "Ramón", "Paula", "Álvaro",
    ];

    private static readonly string[] FamilyNames =
    [
        "Pérez Gómez", "Fernández", "Gonçalves", "Rodríguez Núñez", "Muñoz", "Quispe Mamani", "Oliveira", "Sánchez", "Ibáñez",
        "Castro Peña", "Araújo", "Benítez", "Giménez", "Saldaña", "Souza Lima", "Cáceres", "Villalba", "Peña", "Ortúzar", "Acuña",
    ];

    private static readonly string[] Positions =
    [
        "Mayor", "Secretary of Human Rights", "Director of Migration Affairs", "Head of International Relations",
        "Secretary of Social Development", "Coordinator of the Migrant Care Office",
    ];

    public async Task<bool> EnsureAsync(CancellationToken cancellationToken = default)
    {
        if (await db.Cohorts.AnyAsync(c => c.Code == CohortCode, cancellationToken))
        {
            return false;
        }

        var governments = Places.Select(p => new LocalGovernment
        {
            Name = p.Name,
            Kind = p.Kind,
            CountryCode = p.Country,
            TimeZone = p.Zone,
            Latitude = p.Lat,
            Longitude = p.Lon,
            IsMercociudadesMember = p.Mercociudades,
        }).ToList();
        db.LocalGovernments.AddRange(governments);

        var authorities = new List<Authority>();
        for (var place = 0; place < Places.Length; place++)
        {
            for (var person = 0; person < Places[place].People; person++)
            {
                var n = authorities.Count;
                var language = PortalCultures.ForCountry(Places[place].Country);
                authorities.Add(new Authority
                {
                    FullName = $"{GivenNames[n % GivenNames.Length]} {FamilyNames[(n * 7 + 3) % FamilyNames.Length]}",
                    Position = person == 0 ? Positions[0] : Positions[1 + n % (Positions.Length - 1)],
                    Email = n == 0 ? "authority@demo.example.org" : $"authority{n + 1:00}@demo.example.org",
                    Phone = $"+00 000 {n + 1:0000}",
                    PreferredLanguage = language,
                    Gender = (n % 5) switch
                    {
                        0 or 2 => GenderCategory.Woman,
                        1 or 3 => GenderCategory.Man,
                        _ => GenderCategory.PrefersNotToSay,
                    },
                    LocalGovernment = governments[place],
                    CountryCode = Places[place].Country,
                });
            }
        }

        db.Authorities.AddRange(authorities);

        var cohort = new Cohort
        {
            Code = CohortCode,
            Name = "2023 — first cohort (demo data)",
            NameEs = "2023 — primera cohorte (datos de demostración)",
            NamePt = "2023 — primeira coorte (dados de demonstração)",
            StartDate = new DateOnly(2023, 10, 1),
            EndDate = new DateOnly(2023, 12, 31),
            Status = CohortStatus.Closed,
        };
        var forum = new Event
        {
            Cohort = cohort,
            Kind = EventKind.LaunchForum,
            DefaultTimeZone = "America/Argentina/Buenos_Aires",
            Name = "Launch forum",
            NameEs = "Foro de lanzamiento",
            NamePt = "Fórum de lançamento",
        };
        var workshop = new Event
        {
            Cohort = cohort,
            Kind = EventKind.Workshop,
            DefaultTimeZone = "America/Argentina/Buenos_Aires",
            Name = "Exchange and capacity-building workshop",
            NameEs = "Taller de intercambio y fortalecimiento de capacidades",
            NamePt = "Oficina de intercâmbio e fortalecimento de capacidades",
        };
        forum.Sessions.Add(DemoSession(cohort, "FORUM", ("Launch forum", "Foro de lanzamiento", "Fórum de lançamento"), new DateTime(2023, 10, 18, 13, 0, 0, DateTimeKind.Utc), SessionModality.Virtual));
        workshop.Sessions.Add(DemoSession(cohort, "WS1", ("Workshop, session 1", "Taller, sesión 1", "Oficina, sessão 1"), new DateTime(2023, 11, 8, 14, 0, 0, DateTimeKind.Utc), SessionModality.Virtual));
        workshop.Sessions.Add(DemoSession(cohort, "WS2", ("Workshop, session 2", "Taller, sesión 2", "Oficina, sessão 2"), new DateTime(2023, 11, 22, 14, 0, 0, DateTimeKind.Utc), SessionModality.Virtual));
        db.Cohorts.Add(cohort);
        db.Events.AddRange(forum, workshop);

        // The 2023 mapping: every one of the 40 people invited had been nominated by a country office and approved.
        var now = timeProvider.GetUtcNow().UtcDateTime;
        var approved = authorities.Select((a, i) => DemoNomination(cohort, a, NominationStatus.Approved, 1 + i % 5, now)).ToList();
        db.Nominations.AddRange(approved);

        // A second cohort, open now, with nominations waiting for review so that the queue has work in it.
        var next = new Cohort
        {
            Code = "2025",
            Name = "2025 — second cohort (demo data)",
            NameEs = "2025 — segunda cohorte (datos de demostración)",
            NamePt = "2025 — segunda coorte (dados de demonstração)",
            StartDate = new DateOnly(2025, 9, 1),
            EndDate = new[] { new DateOnly(2026, 12, 15), DateOnly.FromDateTime(now.AddDays(60)) }.Max(),
            Status = CohortStatus.Open,
        };
        db.Cohorts.Add(next);

        // Its sessions are still to come whenever the demo starts, so that calendars, join links and reminders show.
        var nextForum = new Event { Cohort = next, Kind = EventKind.LaunchForum, DefaultTimeZone = "America/Argentina/Buenos_Aires", Name = "Launch forum", NameEs = "Foro de lanzamiento", NamePt = "Fórum de lançamento" };
        var nextWorkshop = new Event { Cohort = next, Kind = EventKind.Workshop, DefaultTimeZone = "America/Argentina/Buenos_Aires", Name = workshop.Name, NameEs = workshop.NameEs, NamePt = workshop.NamePt };
        nextForum.Sessions.Add(DemoSession(next, "FORUM", ("Launch forum", "Foro de lanzamiento", "Fórum de lançamento"), now.Date.AddDays(14).AddHours(13), SessionModality.Hybrid));
        nextWorkshop.Sessions.Add(DemoSession(next, "WS1", ("Workshop, session 1", "Taller, sesión 1", "Oficina, sessão 1"), now.Date.AddDays(28).AddHours(14), SessionModality.Virtual));
        nextWorkshop.Sessions.Add(DemoSession(next, "WS2", ("Workshop, session 2", "Taller, sesión 2", "Oficina, sessão 2"), now.Date.AddDays(35).AddHours(14), SessionModality.Virtual));
        db.Events.AddRange(nextForum, nextWorkshop);
        var demoAuthorityNomination = DemoNomination(next, authorities[0], NominationStatus.Approved, 5, now);
        db.Nominations.AddRange(
            DemoNomination(next, authorities[1], NominationStatus.Submitted, 4, now),
            DemoNomination(next, authorities[2], NominationStatus.Submitted, 2, now),
            DemoNomination(next, authorities[3], NominationStatus.Draft, 1, now),
            DemoNomination(next, authorities.First(a => a.CountryCode == "BR"), NominationStatus.Submitted, 3, now),
            demoAuthorityNomination);
        await db.SaveChangesAsync(cancellationToken);

        // The demo authority accepted the second cohort's invitation: their home shows its sessions and calendar.
        db.Invitations.Add(new Invitation
        {
            CohortId = next.Id,
            NominationId = demoAuthorityNomination.Id,
            AuthorityId = authorities[0].Id,
            CountryCode = authorities[0].CountryCode,
            Status = InvitationStatus.Accepted,
            SentAtUtc = now.AddDays(-3),
            AnsweredAtUtc = now.AddDays(-2),
            ExpiresAtUtc = now.AddDays(11),
        });
        db.CalendarFeeds.Add(new CalendarFeed { AuthorityId = authorities[0].Id, Token = Calendar.CalendarService.NewToken(), CreatedAtUtc = now });

        // All 40 were invited and accepted; their links are long gone, so none is kept.
        db.Invitations.AddRange(approved.Select(n => new Invitation
        {
            CohortId = cohort.Id,
            NominationId = n.Id,
            AuthorityId = n.AuthorityId,
            CountryCode = n.CountryCode,
            Status = InvitationStatus.Accepted,
            SentAtUtc = new DateTime(2023, 10, 2, 12, 0, 0, DateTimeKind.Utc),
            AnsweredAtUtc = new DateTime(2023, 10, 6, 12, 0, 0, DateTimeKind.Utc),
            ExpiresAtUtc = new DateTime(2023, 10, 16, 23, 59, 0, DateTimeKind.Utc),
            DirectoryConsent = n.AuthorityId % 3 != 0,
        }));
        await db.SaveChangesAsync(cancellationToken);
        AddAttendance(authorities, forum.Sessions[0], workshop.Sessions[0], workshop.Sessions[1]);
        AddWorkshopOutputs(cohort, governments, workshop.Sessions[0], now);
        db.RecognitionRules.Add(new RecognitionRules
        {
            CohortId = cohort.Id,
            SignatoryName = "Demo Signatory",
            SignatoryTitle = "Regional Director, IOM Regional Office for South America (demo)",
            SignatoryTitleEs = "Director Regional, Oficina Regional de la OIM para América del Sur (demo)",
            SignatoryTitlePt = "Diretor Regional, Escritório Regional da OIM para a América do Sul (demo)",
        });
        await db.SaveChangesAsync(cancellationToken);

        // Recognition as in 2023: everyone who took part in both stages, and the local governments they represented.
        if (await issuance.StartAsync(cohort.Id, only: null, notify: false, requestedBy: "demo data", cancellationToken) is { } issuanceId)
        {
            await issuance.DrainAsync(issuanceId, cancellationToken);
        }

        foreach (var (email, role, description) in Accounts)
        {
            var user = new PortalUser
            {
                UserName = email,
                Email = email,
                EmailConfirmed = true,
                FullName = $"Demo {description}",
                PreferredLanguage = role == Roles.Authority ? "es" : "en",

                // As if the demo authority had chosen Spanish; the other accounts take the language they sign in with.
                LanguageChosen = role == Roles.Authority,
                CountryCode = role == Roles.CountryOffice ? email[7..9].ToUpperInvariant() : null,
                AuthorityId = role == Roles.Authority ? authorities[0].Id : null,
                CreatedAtUtc = timeProvider.GetUtcNow().UtcDateTime,
            };
            var result = await userManager.CreateAsync(user, Password);
            if (result.Succeeded)
            {
                result = await userManager.AddToRoleAsync(user, role);
            }

            if (!result.Succeeded)
            {
                throw new InvalidOperationException($"Demo account {email}: {string.Join(" ", result.Errors.Select(e => e.Description))}");
            }
        }

        return true;
    }

    // Who came, as in 2023: 38 people from 26 local governments of 9 countries at the launch forum (the one person
    // from Venezuela and the second person from Rosario did not), and 24 people from 16 local governments of 6
    // countries in the workshop's two sessions.
    public static readonly IReadOnlyDictionary<string, int> WorkshopPeople = new Dictionary<string, int>
    {
        ["Rosario"] = 1,
        ["Córdoba"] = 2,
        ["Mendoza"] = 1,
        ["San Martín"] = 1,
        ["São Paulo"] = 2,
        ["Belo Horizonte"] = 1,
        ["Boa Vista"] = 2,
        ["Manaus"] = 1,
        ["Santiago"] = 2,
        ["Antofagasta"] = 2,
        ["Arica"] = 1,
        ["Bogotá"] = 2,
        ["Medellín"] = 2,
        ["Quito"] = 2,
        ["Cuenca"] = 1,
        ["Lima"] = 1,
    };

    private void AddAttendance(List<Authority> authorities, Session forum, Session workshop1, Session workshop2)
    {
        var recordedAt = forum.EndsAtUtc;
        var workshopIndex = 0;
        foreach (var group in authorities.GroupBy(a => a.LocalGovernment!))
        {
            var place = group.Key.Name;
            foreach (var (person, i) in group.Select((a, i) => (a, i)))
            {
                var atForum = place != "Maracaibo" && !(place == "Rosario" && i == 1);
                Mark(forum, person, atForum ? AttendanceStatus.Present : place == "Rosario" ? AttendanceStatus.Excused : AttendanceStatus.Absent);
                var inWorkshop = i < WorkshopPeople.GetValueOrDefault(place);
                var slot = inWorkshop ? workshopIndex++ % 4 : -1;
                Mark(workshop1, person, slot is 1 or 2 or 3 ? AttendanceStatus.Present : AttendanceStatus.Absent);
                Mark(workshop2, person, slot is 0 or 2 or 3 ? AttendanceStatus.Present : AttendanceStatus.Absent);
            }
        }

        void Mark(Session session, Authority person, AttendanceStatus status) => db.Attendances.Add(new Domain.Attendance
        {
            CohortId = session.CohortId,
            SessionId = session.Id,
            AuthorityId = person.Id,
            LocalGovernmentId = person.LocalGovernmentId,
            CountryCode = person.CountryCode,
            Status = status,
            Source = AttendanceSource.Import,
            RecordedAtUtc = recordedAt,
        });
    }

    // Actions of the management mapping: title, status, GCM objectives, guiding principles, how the GCM could strengthen it.
    private static readonly (string Title, LocalActionStatus Status, int[] Objectives, int[] Principles, string Strengthening)[] DemoActions =
    [
        ("Oficina municipal de atención a personas migrantes", LocalActionStatus.InPlace, [3, 15, 16], [1, 6], "Adoptar los objetivos del PMM como marco del protocolo de atención."),
        ("Mesa local de movilidad humana con sociedad civil", LocalActionStatus.InPlace, [1, 16, 23], [9, 10], "Incorporar indicadores del PMM al seguimiento de la mesa."),
        ("Campaña contra la xenofobia en escuelas", LocalActionStatus.Planned, [16, 17], [6, 7], "Vincular la campaña al objetivo 17 y medir su alcance."),
        ("Registro de documentación para acceso a servicios", LocalActionStatus.InPlace, [4, 15], [4, 7], "Coordinar con el nivel nacional según el objetivo 4."),
        ("Ferias de empleo para población migrante", LocalActionStatus.Idea, [6, 18], [2, 5], "Alinear con el objetivo 18 sobre reconocimiento de competencias."),
        ("Centro de referência para migrantes e refugiados", LocalActionStatus.InPlace, [2, 15, 16], [1, 4], "Usar o PGM para orientar a rede de serviços municipais."),
        ("Plano municipal de acolhida humanitária", LocalActionStatus.Planned, [7, 12, 15], [4, 6], "Incluir metas do PGM no plano plurianual."),
    ];

    // Items raised in the workshop (kind, text, GCM objectives), two of them near-duplicates awaiting systematization.
    private static readonly (string Country, AgendaItemKind Kind, string Text, int[] Objectives)[] DemoItems =
    [
        ("AR", AgendaItemKind.Challenge, "Falta de intérpretes en los centros de salud municipales", [15]),
        ("CL", AgendaItemKind.Challenge, "Faltan intérpretes en centros de salud del municipio", [15]),
        ("CO", AgendaItemKind.Concern, "Aumento de discursos xenófobos en redes sociales locales", [17]),
        ("EC", AgendaItemKind.Action, "Crear una mesa regional de ciudades para compartir buenas prácticas", [23]),
        ("PE", AgendaItemKind.Action, "Capacitar a funcionarios municipales en el enfoque del Pacto Mundial", [16, 23]),
        ("BR", AgendaItemKind.Challenge, "Dificuldade de acesso a documentos para matrícula escolar", [4, 15]),
        ("BR", AgendaItemKind.Concern, "Precariedade do trabalho de migrantes no setor informal", [6]),
    ];

    private void AddWorkshopOutputs(Cohort cohort, List<LocalGovernment> governments, Session session, DateTime now)
    {
        var mapped = governments.Where(g => WorkshopPeople.ContainsKey(g.Name)).ToList();
        for (var i = 0; i < mapped.Count; i++)
        {
            var template = DemoActions[mapped[i].CountryCode == "BR" ? 5 + i % 2 : i % 5];
            db.LocalActions.Add(new LocalAction
            {
                CohortId = cohort.Id,
                LocalGovernmentId = mapped[i].Id,
                CountryCode = mapped[i].CountryCode,
                Title = template.Title,
                Description = $"{template.Title} — {mapped[i].Name} (demo).",
                Status = template.Status,
                Strengthening = template.Strengthening,
                UpdatedAtUtc = now,
                Objectives = [.. template.Objectives.Select(n => new LocalActionObjective { ObjectiveNumber = n })],
                Principles = [.. template.Principles.Select(n => new LocalActionPrinciple { PrincipleNumber = n })],
            });
        }

        var health = new AgendaTheme { CohortId = cohort.Id, Name = "Acceso a servicios / Access to services", Position = 1 };
        var cohesion = new AgendaTheme { CohortId = cohort.Id, Name = "Cohesión social / Social cohesion", Position = 2 };
        db.AgendaThemes.AddRange(health, cohesion);
        var items = DemoItems.Select((item, i) => new AgendaItem
        {
            CohortId = cohort.Id,
            LocalGovernmentId = mapped.Where(g => g.CountryCode == item.Country).ElementAt(i % 2).Id,
            CountryCode = item.Country,
            SessionId = session.Id,
            Kind = item.Kind,
            Text = item.Text,
            CreatedAtUtc = now,
            Objectives = [.. item.Objectives.Select(n => new AgendaItemObjective { ObjectiveNumber = n })],
        }).ToList();
        db.AgendaItems.AddRange(items);

        // Two entries already systematized; the interpreters' pair is left for staff to merge.
        db.AgendaEntries.AddRange(
            new AgendaEntry { CohortId = cohort.Id, Theme = cohesion, Kind = AgendaItemKind.Concern, Text = items[2].Text, Status = AgendaEntryStatus.Agreed, Position = 1, Items = [items[2]] },
            new AgendaEntry { CohortId = cohort.Id, Theme = health, Kind = AgendaItemKind.Challenge, Text = items[5].Text, Status = AgendaEntryStatus.Proposed, Position = 1, Items = [items[5]] },
            new AgendaEntry { CohortId = cohort.Id, Kind = AgendaItemKind.Action, Text = "Capacitar a los equipos municipales en el enfoque del Pacto Mundial y compartir buenas prácticas entre ciudades", Status = AgendaEntryStatus.InProgress, Position = 1, Items = [items[3], items[4]] });

        // The compact itself as a library resource, linked where the UN publishes it (in English and Spanish), so
        // that the demo ships no document; and one stakeholder to send the workshop's material to.
        db.Resources.Add(new Resource
        {
            Title = "Global Compact for Safe, Orderly and Regular Migration (A/RES/73/195)",
            TitleEs = "Pacto Mundial para la Migración Segura, Ordenada y Regular (A/RES/73/195)",
            TitlePt = "Pacto Global para uma Migração Segura, Ordenada e Regular (A/RES/73/195)",
            Description = "The resolution of the United Nations General Assembly that adopted the compact, with its 23 objectives and 10 guiding principles.",
            DescriptionEs = "La resolución de la Asamblea General de las Naciones Unidas que adoptó el Pacto, con sus 23 objetivos y 10 principios rectores.",
            DescriptionPt = "A resolução da Assembleia Geral das Nações Unidas que adotou o Pacto, com seus 23 objetivos e 10 princípios orientadores.",
            Visibility = ResourceVisibility.Public,
            CreatedAtUtc = now,
            Files = [new ResourceFile { Language = "en", Url = "https://undocs.org/en/A/RES/73/195" }, new ResourceFile { Language = "es", Url = "https://undocs.org/es/A/RES/73/195" }],
        });
        db.Stakeholders.Add(new Stakeholder { Organization = "Mercociudades (demo)", ContactName = "Demo Contact", Email = "contact@mercociudades.demo.example.org", Language = "es" });
    }

    private static Nomination DemoNomination(Cohort cohort, Authority authority, NominationStatus status, int criteriaMet, DateTime now) => new()
    {
        Cohort = cohort,
        Authority = authority,
        LocalGovernment = authority.LocalGovernment,
        CountryCode = authority.CountryCode,
        Status = status,
        Justification = "Demo nomination: an authority committed to migration governance at the local level.",
        CriteriaMet = criteriaMet,
        CreatedAtUtc = now,
        SubmittedAtUtc = status == NominationStatus.Draft ? null : now,
        ReviewedAtUtc = status is NominationStatus.Approved or NominationStatus.Rejected ? now : null,
        Criteria =
        [
            .. Enum.GetValues<SelectionCriterion>().Select((criterion, i) => new NominationCriterion
            {
                Criterion = criterion,
                Met = i < criteriaMet,
                EvidenceText = i < criteriaMet ? "Documented by the IOM country office (demo)." : null,
            }),
        ],
    };

    private static Session DemoSession(Cohort cohort, string code, (string En, string Es, string Pt) title, DateTime startsAtUtc, SessionModality modality) => new()
    {
        CohortId = cohort.Id,
        Code = code,
        Title = title.En,
        TitleEs = title.Es,
        TitlePt = title.Pt,
        StartsAtUtc = startsAtUtc,
        EndsAtUtc = startsAtUtc.AddHours(2),
        TimeZone = "America/Argentina/Buenos_Aires",
        Modality = modality,
        JoinUrl = modality == SessionModality.InPerson ? null : $"https://meet.example.org/champions-{cohort.Code}-{code.ToLowerInvariant()}",
        Venue = modality == SessionModality.Virtual ? null : "Oficina Regional de la OIM para América del Sur, Av. Callao 1046, Buenos Aires (demo)",
        CheckInCode = Infrastructure.Text.ReadableCode.New(6),
    };
}
