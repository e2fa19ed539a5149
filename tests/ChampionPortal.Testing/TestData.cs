using ChampionPortal.Web.Domain;

namespace ChampionPortal.Testing;

/// <summary>Records written straight to a test's database, for tests whose subject is something else.</summary>
public static class TestData
{
    public static async Task<int> AddLocalGovernmentAsync(this PortalAppFactory app, string name, string countryCode, LocalGovernmentKind kind = LocalGovernmentKind.Municipality)
    {
        var government = new LocalGovernment { Name = name, CountryCode = countryCode, Kind = kind, TimeZone = CountryTimeZones.DefaultFor(countryCode) };
        await app.WithDbAsync(async db =>
        {
            db.LocalGovernments.Add(government);
            return await db.SaveChangesAsync();
        });
        return government.Id;
    }

    public static async Task<int> AddAuthorityAsync(this PortalAppFactory app, string fullName, int localGovernmentId, string countryCode)
    {
        var authority = new Authority
        {
            FullName = fullName,
            Position = "Mayor",
            Email = $"{Guid.NewGuid():N}@test.example.org",
            CountryCode = countryCode,
            LocalGovernmentId = localGovernmentId,
        };
        await app.WithDbAsync(async db =>
        {
            db.Authorities.Add(authority);
            return await db.SaveChangesAsync();
        });
        return authority.Id;
    }

    /// <summary>A cohort with its events and sessions, each session given as (code, event kind, start in UTC, minutes, IANA zone).</summary>
    public static async Task<(int CohortId, IReadOnlyDictionary<string, int> Sessions)> AddCohortAsync(
        this PortalAppFactory app, string code, params (string Code, EventKind Kind, DateTime StartsAtUtc, int Minutes, string Zone)[] sessions)
    {
        var cohort = new Cohort { Code = code, Name = $"Cohort {code}", StartDate = new DateOnly(2023, 10, 1), EndDate = new DateOnly(2023, 12, 31), Status = CohortStatus.Open };
        var events = sessions.Select(s => s.Kind).Distinct()
            .ToDictionary(k => k, k => new Event { Cohort = cohort, Kind = k, Name = k == EventKind.LaunchForum ? "Launch forum" : "Workshop", DefaultTimeZone = "America/Bogota" });
        foreach (var s in sessions)
        {
            events[s.Kind].Sessions.Add(new Session
            {
                Code = s.Code,
                Title = $"Session {s.Code}",
                StartsAtUtc = s.StartsAtUtc,
                EndsAtUtc = s.StartsAtUtc.AddMinutes(s.Minutes),
                TimeZone = s.Zone,
                Modality = SessionModality.Virtual,
                CheckInCode = $"{code}{s.Code}".Replace("-", "", StringComparison.Ordinal).ToUpperInvariant(),
            });
        }

        await app.WithDbAsync(async db =>
        {
            db.Cohorts.Add(cohort);
            db.Events.AddRange(events.Values);
            return await db.SaveChangesAsync();
        });
        return (cohort.Id, events.Values.SelectMany(e => e.Sessions).ToDictionary(s => s.Code, s => s.Id));
    }

    /// <summary>Nominates (approved) and invites a person to a cohort; the invitation link's token is the one given.</summary>
    public static async Task<int> AddInvitationAsync(
        this PortalAppFactory app, int cohortId, int authorityId, InvitationStatus status = InvitationStatus.Accepted, string? token = null)
    {
        return await app.WithDbAsync(async db =>
        {
            var authority = await db.Authorities.FindAsync(authorityId) ?? throw new InvalidOperationException($"No authority {authorityId}.");
            var nomination = new Nomination
            {
                CohortId = cohortId,
                AuthorityId = authorityId,
                LocalGovernmentId = authority.LocalGovernmentId,
                CountryCode = authority.CountryCode,
                Status = NominationStatus.Approved,
                Justification = "Test",
                CreatedAtUtc = DateTime.UtcNow,
            };
            db.Nominations.Add(nomination);
            await db.SaveChangesAsync();
            var invitation = new Invitation
            {
                CohortId = cohortId,
                NominationId = nomination.Id,
                AuthorityId = authorityId,
                CountryCode = authority.CountryCode,
                Status = status,
                Links = [new InvitationLink { TokenHash = ChampionPortal.Web.Features.Invitations.InvitationService.Hash(token ?? Guid.NewGuid().ToString("N")) }],
                ExpiresAtUtc = DateTime.UtcNow.AddDays(10),
                SentAtUtc = DateTime.UtcNow,
            };
            db.Invitations.Add(invitation);
            await db.SaveChangesAsync();
            return invitation.Id;
        });
    }

    /// <summary>A nomination submitted by the country office and waiting for regional staff's review.</summary>
    public static Task<int> AddSubmittedNominationAsync(this PortalAppFactory app, int cohortId, int authorityId, int localGovernmentId, string countryCode) =>
        app.WithDbAsync(async db =>
        {
            var nomination = new Nomination
            {
                CohortId = cohortId,
                AuthorityId = authorityId,
                LocalGovernmentId = localGovernmentId,
                CountryCode = countryCode,
                Status = NominationStatus.Submitted,
                Justification = "Waiting for review",
                CreatedAtUtc = DateTime.UtcNow,
                SubmittedAtUtc = DateTime.UtcNow,
            };
            db.Nominations.Add(nomination);
            await db.SaveChangesAsync();
            return nomination.Id;
        });

    public static async Task<int> AddAuthorityAsync(this PortalAppFactory app, string fullName, string email, int localGovernmentId, string countryCode)
    {
        var id = await app.AddAuthorityAsync(fullName, localGovernmentId, countryCode);
        await app.WithDbAsync(async db =>
        {
            var authority = await db.Authorities.FindAsync(id);
            authority!.Email = email;
            return await db.SaveChangesAsync();
        });
        return id;
    }

    /// <summary>
    /// A person who accepted the cohort's invitation and was present at every session given, representing their
    /// local government, with their preferred language: a champion by the default recognition rules.
    /// </summary>
    public static async Task<int> AddChampionAsync(
        this PortalAppFactory app, int cohortId, IEnumerable<int> sessionIds, string fullName, int localGovernmentId, string countryCode, string language)
    {
        var id = await app.AddAuthorityAsync(fullName, localGovernmentId, countryCode);
        await app.AddInvitationAsync(cohortId, id);
        await app.WithDbAsync(async db =>
        {
            (await db.Authorities.FindAsync(id))!.PreferredLanguage = language;
            db.Attendances.AddRange(sessionIds.Select(session => new Attendance
            {
                CohortId = cohortId,
                SessionId = session,
                AuthorityId = id,
                LocalGovernmentId = localGovernmentId,
                CountryCode = countryCode,
                Status = AttendanceStatus.Present,
                RecordedAtUtc = DateTime.UtcNow,
            }));
            return await db.SaveChangesAsync();
        });
        return id;
    }
}
