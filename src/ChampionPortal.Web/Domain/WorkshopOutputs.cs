namespace ChampionPortal.Web.Domain;

public enum LocalActionStatus
{
    InPlace,
    Planned,
    Idea,
}

/// <summary>One action of a local government's management mapping: what it does that relates to the GCM.</summary>
public class LocalAction : IVersioned, ICountryScoped
{
    public int Id { get; set; }
    public int CohortId { get; set; }
    public int LocalGovernmentId { get; set; }
    public LocalGovernment? LocalGovernment { get; set; }
    public required string CountryCode { get; set; }
    public required string Title { get; set; }
    public string? Description { get; set; }
    public LocalActionStatus Status { get; set; }

    /// <summary>How an active inclusion of the GCM could strengthen the action.</summary>
    public string? Strengthening { get; set; }
    public DateTime UpdatedAtUtc { get; set; }
    public int Version { get; set; }
    public List<LocalActionObjective> Objectives { get; set; } = [];
    public List<LocalActionPrinciple> Principles { get; set; } = [];
}

public class LocalActionObjective
{
    public int LocalActionId { get; set; }
    public int ObjectiveNumber { get; set; }
}

public class LocalActionPrinciple
{
    public int LocalActionId { get; set; }
    public int PrincipleNumber { get; set; }
}

public enum AgendaItemKind
{
    Challenge,
    Concern,
    Action,
}

/// <summary>A challenge, concern or action raised in the workshop, by a local government or from a session's notes.</summary>
public class AgendaItem : IVersioned
{
    public int Id { get; set; }
    public int CohortId { get; set; }
    public int? LocalGovernmentId { get; set; }
    public LocalGovernment? LocalGovernment { get; set; }
    public string? CountryCode { get; set; }
    public int? SessionId { get; set; }
    public Session? Session { get; set; }
    public AgendaItemKind Kind { get; set; }
    public required string Text { get; set; }

    /// <summary>The theme its author proposed; systematization files it under an agenda theme.</summary>
    public string? Theme { get; set; }

    /// <summary>The consolidated entry of the agenda this item was merged into, once systematized.</summary>
    public int? AgendaEntryId { get; set; }
    public AgendaEntry? AgendaEntry { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    public int Version { get; set; }
    public List<AgendaItemObjective> Objectives { get; set; } = [];
}

public class AgendaItemObjective
{
    public int AgendaItemId { get; set; }
    public int ObjectiveNumber { get; set; }
}

/// <summary>A theme of the Integrated Local Migration Agenda, under which consolidated entries are grouped.</summary>
public class AgendaTheme : IVersioned
{
    public int Id { get; set; }
    public int CohortId { get; set; }
    public required string Name { get; set; }
    public int Position { get; set; }
    public int Version { get; set; }
}

public enum AgendaEntryStatus
{
    Proposed,
    Agreed,
    InProgress,
    Achieved,
}

/// <summary>A consolidated entry of the agenda: the systematized wording of one or more items, keeping their sources.</summary>
public class AgendaEntry : IVersioned
{
    public int Id { get; set; }
    public int CohortId { get; set; }
    public int? ThemeId { get; set; }
    public AgendaTheme? Theme { get; set; }
    public AgendaItemKind Kind { get; set; }
    public required string Text { get; set; }
    public int Position { get; set; }
    public AgendaEntryStatus Status { get; set; }
    public int Version { get; set; }
    public List<AgendaItem> Items { get; set; } = [];
}

public enum PublicationKind
{
    Agenda,
    Mapping,
}

/// <summary>A frozen, numbered version of a cohort's agenda or mapping: what was published stays as it was.</summary>
public class Publication
{
    public int Id { get; set; }
    public int CohortId { get; set; }
    public Cohort? Cohort { get; set; }
    public PublicationKind Kind { get; set; }
    public int Number { get; set; }
    public DateTime PublishedAtUtc { get; set; }
    public required string SnapshotJson { get; set; }
}

public enum ResourceVisibility
{
    Champions,
    Public,
}

/// <summary>Guidance material such as the handbook on public policies with the Global Compact approach.</summary>
public class Resource : IVersioned
{
    public int Id { get; set; }

    /// <summary>The title in English, required; <see cref="TitleEs"/> and <see cref="TitlePt"/> are optional and fall back to it.</summary>
    public required string Title { get; set; }
    public string? TitleEs { get; set; }
    public string? TitlePt { get; set; }
    /// <summary>What the resource is, in English; <see cref="DescriptionEs"/> and <see cref="DescriptionPt"/> fall back to it.</summary>
    public string? Description { get; set; }
    public string? DescriptionEs { get; set; }
    public string? DescriptionPt { get; set; }
    public ResourceVisibility Visibility { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    public int Version { get; set; }
    public List<ResourceFile> Files { get; set; } = [];
}

/// <summary>One language of a resource: an uploaded file (kept in the database with its SHA-256) or a link.</summary>
public class ResourceFile
{
    public int Id { get; set; }
    public int ResourceId { get; set; }
    public required string Language { get; set; }
    public string? Url { get; set; }
    public string? FileName { get; set; }
    public string? ContentType { get; set; }
    public long Size { get; set; }
    public string? Sha256 { get; set; }
    public byte[]? Content { get; set; }
}

/// <summary>Someone besides the champions to whom the workshop's material is sent.</summary>
public class Stakeholder : IVersioned
{
    public int Id { get; set; }
    public required string Organization { get; set; }
    [PersonalField] public required string ContactName { get; set; }
    [PersonalField] public required string Email { get; set; }
    public string? CountryCode { get; set; }
    public string Language { get; set; } = "es";
    public int Version { get; set; }
}

public static class DisseminationIntroduction
{
    /// <summary>The longest introduction kept, in each language: a few paragraphs.</summary>
    public const int MaxLength = 2000;
}

/// <summary>A sending of published material (and chosen resources) to a cohort's champions and selected stakeholders.</summary>
public class Dissemination
{
    public int Id { get; set; }
    public int CohortId { get; set; }
    public int? AgendaPublicationId { get; set; }
    public int? MappingPublicationId { get; set; }
    public string ResourceIds { get; set; } = "";

    /// <summary>What staff wrote to open the e-mail, in English; <see cref="IntroductionEs"/> and <see cref="IntroductionPt"/> fall back to it.</summary>
    public string? Introduction { get; set; }
    public string? IntroductionEs { get; set; }
    public string? IntroductionPt { get; set; }
    public DateTime SentAtUtc { get; set; }
    public List<DisseminationRecipient> Recipients { get; set; } = [];
}

/// <summary>Who was sent a dissemination, with a personal download link (only its hash kept) and when they used it.</summary>
public class DisseminationRecipient
{
    public int Id { get; set; }
    public int DisseminationId { get; set; }
    public Dissemination? Dissemination { get; set; }
    public int? AuthorityId { get; set; }
    public int? StakeholderId { get; set; }
    [PersonalField] public required string Name { get; set; }
    [PersonalField] public required string Email { get; set; }
    public required string Language { get; set; }
    public required string TokenHash { get; set; }
    public DateTime? FirstDownloadAtUtc { get; set; }
    public int Downloads { get; set; }
}
