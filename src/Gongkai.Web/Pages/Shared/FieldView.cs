namespace Gongkai.Web.Pages;

/// <summary>The model of _Field: one labelled form field.</summary>
public sealed record FieldView(string Name, string Label, string? Value = null, string Type = "text", bool Required = false,
    string? Hint = null, string? Autocomplete = null, bool Multiline = false);
