using System.ComponentModel.DataAnnotations;
using ChampionPortal.Web.Infrastructure.Localization;
using Microsoft.Extensions.Localization;

namespace ChampionPortal.Web.Features.Shared;

/// <summary>Validation errors of <see cref="IValidatableObject"/> forms in the reader's language.</summary>
public static class Localized
{
    public static ValidationResult Error(ValidationContext context, string key, params string[] members)
    {
        var text = context.GetService<IStringLocalizer<SharedResources>>();
        return new ValidationResult(text?[key] ?? key, members);
    }
}
