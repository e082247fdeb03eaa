using Gongkai.Core;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Gongkai.Web.Catalogue;

public static class CatalogueErrors
{
    /// <summary>Refusals beside their fields; a refusal of the whole action (no field) goes to the page's summary.</summary>
    public static void AddCatalogueErrors(this ModelStateDictionary modelState, IEnumerable<FieldError> errors, string prefix = "Input")
    {
        foreach (var e in errors)
            modelState.AddModelError(e.Field.Length == 0 ? "" : prefix.Length == 0 ? e.Field : $"{prefix}.{e.Field}", e.Message);
    }
}
