using System.Globalization;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;

namespace ChampionPortal.Web.Infrastructure.Localization;

/// <summary>Binds every decimal number and date of a form or a query by <see cref="ReaderFormats"/>.</summary>
public sealed class ReaderFormatModelBinderProvider : IModelBinderProvider
{
    private static readonly HashSet<Type> Numbers = [typeof(double), typeof(float), typeof(decimal)];

    public IModelBinder? GetBinder(ModelBinderProviderContext context)
    {
        var type = context.Metadata.UnderlyingOrModelType;
        return Numbers.Contains(type) || type == typeof(DateOnly) ? new ReaderFormatModelBinder() : null;
    }
}

public sealed class ReaderFormatModelBinder : IModelBinder
{
    public Task BindModelAsync(ModelBindingContext bindingContext)
    {
        var name = bindingContext.ModelName;
        var sent = bindingContext.ValueProvider.GetValue(name);
        if (sent == ValueProviderResult.None)
        {
            return Task.CompletedTask;
        }

        bindingContext.ModelState.SetModelValue(name, sent);
        var text = sent.FirstValue;
        var metadata = bindingContext.ModelMetadata;
        if (string.IsNullOrWhiteSpace(text))
        {
            // An empty optional field is "no value"; an empty required one is left to the [Required] message.
            if (metadata.IsReferenceOrNullableType)
            {
                bindingContext.Result = ModelBindingResult.Success(null);
            }

            return Task.CompletedTask;
        }

        var type = metadata.UnderlyingOrModelType;
        var value = Read(text, type, CultureInfo.CurrentCulture);
        if (value is not null)
        {
            bindingContext.Result = ModelBindingResult.Success(value);
            return Task.CompletedTask;
        }

        var shared = bindingContext.HttpContext.RequestServices.GetRequiredService<IStringLocalizerFactory>().Create(typeof(SharedResources));
        var message = type == typeof(DateOnly) ? "Binding_DateInvalidForField" : "Binding_NumberInvalidForField";
        bindingContext.ModelState.TryAddModelError(name, shared[message, text.Trim(), metadata.GetDisplayName()]);
        return Task.CompletedTask;
    }

    private static object? Read(string text, Type type, CultureInfo culture)
    {
        if (type == typeof(DateOnly))
        {
            return ReaderFormats.TryParseDate(text, culture, out var date) ? date : null;
        }

        if (!ReaderFormats.TryParseNumber(text, culture, out var number))
        {
            return null;
        }

        return type == typeof(decimal) ? number : type == typeof(float) ? (float)number : (double)number;
    }
}
