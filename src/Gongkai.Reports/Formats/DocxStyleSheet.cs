using DocumentFormat.OpenXml.Wordprocessing;

namespace Gongkai.Reports.Formats;

/// <summary>The paragraph styles of a DOCX, for what a style implies: its list numbering, or being a table of contents line.</summary>
internal sealed class DocxStyleSheet
{
    /// <summary>basedOn chains are short; a longer one is a loop in a damaged file.</summary>
    private const int MaxDepth = 16;

    private readonly Dictionary<string, Style> _styles = new(StringComparer.Ordinal);
    private readonly string? _defaultParagraph;

    public DocxStyleSheet(Styles? styles)
    {
        foreach (var style in styles?.Elements<Style>() ?? [])
        {
            if (style.StyleId?.Value is not { } id)
                continue;
            _styles.TryAdd(id, style);
            if (style.Type?.Value == StyleValues.Paragraph && style.Default?.Value == true)
                _defaultParagraph ??= id;
        }
    }

    /// <summary>The style a paragraph is in: its own, or the document's default paragraph style.</summary>
    public string? StyleOf(Paragraph paragraph) => paragraph.ParagraphProperties?.ParagraphStyleId?.Val?.Value ?? _defaultParagraph;

    /// <summary>The list a style puts its paragraphs in, inherited through basedOn.</summary>
    public (int? NumId, int? Level) Numbering(string? styleId)
    {
        int? numId = null, level = null;
        foreach (var style in Chain(styleId))
        {
            var numPr = style.StyleParagraphProperties?.NumberingProperties;
            numId ??= numPr?.NumberingId?.Val?.Value;
            level ??= numPr?.NumberingLevelReference?.Val?.Value;
        }
        return (numId, level);
    }

    /// <summary>
    /// A line of a table of contents (styles "toc 1" … "toc 9"): it repeats the headings, and
    /// would be taken for them. Built-in style names are English whatever the language of Word.
    /// </summary>
    public bool IsTableOfContents(string? styleId) =>
        styleId is not null && _styles.TryGetValue(styleId, out var style)
        && style.StyleName?.Val?.Value is { } name && name.StartsWith("toc ", StringComparison.OrdinalIgnoreCase);

    private IEnumerable<Style> Chain(string? styleId)
    {
        for (var depth = 0; styleId is not null && depth < MaxDepth && _styles.TryGetValue(styleId, out var style); depth++)
        {
            yield return style;
            styleId = style.BasedOn?.Val?.Value;
        }
    }
}
