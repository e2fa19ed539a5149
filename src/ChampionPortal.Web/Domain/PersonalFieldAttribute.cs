namespace ChampionPortal.Web.Domain;

/// <summary>Marks a field that holds a person's data, so that audit entries holding it can be found for erasure.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class PersonalFieldAttribute : Attribute;
