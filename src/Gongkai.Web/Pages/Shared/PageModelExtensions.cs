using Gongkai.Core;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Gongkai.Web.Pages;

public static class ModelStateExtensions
{
    /// <summary>Shows a use case's refusals beside their fields; <paramref name="prefix"/> is the bound property's name.</summary>
    public static void AddErrors(this ModelStateDictionary modelState, IEnumerable<FieldError> errors, string prefix = "Input")
    {
        foreach (var e in errors) modelState.AddModelError(prefix.Length == 0 ? e.Field : $"{prefix}.{e.Field}", e.Message);
    }
}
