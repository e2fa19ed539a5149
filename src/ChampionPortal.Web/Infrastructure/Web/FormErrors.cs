using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace ChampionPortal.Web.Infrastructure.Web;

public static class FormErrors
{
    /// <summary>Every POST action binds its form model as the parameter "form", so its fields are keyed "form.Field".</summary>
    public const string Prefix = "form";

    public static void AddFieldError(this ModelStateDictionary modelState, string field, string message) =>
        modelState.AddModelError($"{Prefix}.{field}", message);

    public static void ForgetField(this ModelStateDictionary modelState, string field) => modelState.Remove($"{Prefix}.{field}");
}
