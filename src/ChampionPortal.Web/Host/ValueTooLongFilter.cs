using ChampionPortal.Web.Data;
using ChampionPortal.Web.Infrastructure.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.Extensions.Localization;

namespace ChampionPortal.Web.Host;

/// <summary>
/// Answers a save refused by <see cref="ColumnLengthGuard"/> with the portal's 400 page naming the field and its limit
/// in the reader's language: the user's mistake, not a server error, and nothing was saved.
/// </summary>
public sealed class ValueTooLongFilter(IStringLocalizer<SharedResources> text, IModelMetadataProvider metadata) : IExceptionFilter
{
    public void OnException(ExceptionContext context)
    {
        if (context.Exception is not ValueTooLongException tooLong)
        {
            return;
        }

        var field = text[$"Field_{tooLong.Property}"];
        var detail = field.ResourceNotFound ? text["Error_ValueTooLongAny", tooLong.MaxLength] : text["Error_ValueTooLong", field.Value, tooLong.MaxLength];
        context.Result = new ViewResult
        {
            ViewName = "/Features/Errors/Views/Error.cshtml",
            StatusCode = StatusCodes.Status400BadRequest,
            ViewData = new ViewDataDictionary<int>(metadata, new ModelStateDictionary())
            {
                Model = StatusCodes.Status400BadRequest,
                ["Title"] = text["Error_ValueTooLong_Title"].Value,
                ["Detail"] = detail.Value,
            },
        };
        context.ExceptionHandled = true;
    }
}
