using System.Text.RegularExpressions;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Gongkai.Reports.Formats;

/// <summary>
/// Word's automatic list numbers, rendered into the text: headings such as 一、总体情况 and row
/// labels such as （一）予以公开 are often list numbers that exist only in numbering.xml.
/// Counters advance in document order, one per visible numbered paragraph, as Word counts them.
/// </summary>
internal sealed partial class DocxNumbering
{
    private const int Levels = 9;

    private readonly Dictionary<int, NumberingInstance> _instances = [];
    private readonly Dictionary<int, AbstractNum> _abstracts = [];
    private readonly DocxStyleSheet _styles;

    /// <summary>Current value per level of each list; a level not yet used is null.</summary>
    private readonly Dictionary<string, int?[]> _counters = new(StringComparer.Ordinal);

    public DocxNumbering(Numbering? numbering, DocxStyleSheet styles)
    {
        _styles = styles;
        foreach (var a in numbering?.Elements<AbstractNum>() ?? [])
        {
            if (a.AbstractNumberId?.Value is { } id)
                _abstracts.TryAdd(id, a);
        }
        foreach (var n in numbering?.Elements<NumberingInstance>() ?? [])
        {
            if (n.NumberID?.Value is { } id)
                _instances.TryAdd(id, n);
        }
    }

    /// <summary>The number Word prints before the paragraph (一、 （一） 1.), or "".</summary>
    public string Prefix(Paragraph paragraph)
    {
        var styleId = _styles.StyleOf(paragraph);
        var direct = paragraph.ParagraphProperties?.NumberingProperties;
        var (styleNum, styleLevel) = _styles.Numbering(styleId);
        var numId = direct?.NumberingId?.Val?.Value ?? styleNum;
        if (numId is not { } id || id == 0 || !_instances.TryGetValue(id, out var instance) || Abstract(instance) is not { } list)
            return "";
        var level = direct?.NumberingLevelReference?.Val?.Value ?? styleLevel ?? StyleLevel(list, styleId) ?? 0;
        if (level is < 0 or >= Levels)
            return "";

        var definitions = new Level?[Levels];
        var starts = new int[Levels];
        for (var l = 0; l < Levels; l++)
        {
            definitions[l] = LevelOf(instance, list, l);
            starts[l] = StartOverride(instance, l) ?? definitions[l]?.StartNumberingValue?.Val?.Value ?? 1;
        }
        var counters = Counters(instance, list);
        counters[level] = (counters[level] ?? starts[level] - 1) + 1;
        for (var l = level + 1; l < Levels; l++)
            counters[l] = null;

        var definition = definitions[level];
        var format = definition?.NumberingFormat?.Val?.InnerText ?? "decimal";
        if (format == "bullet")
            return "";
        var legal = definition?.IsLegalNumberingStyle is { } isLgl && (isLgl.Val is null || isLgl.Val.Value);
        var text = Placeholder().Replace(definition?.LevelText?.Val?.Value ?? "", m =>
        {
            var l = m.Groups[1].Value[0] - '1';
            var fmt = legal ? "decimal" : definitions[l]?.NumberingFormat?.Val?.InnerText ?? "decimal";
            return ListNumberFormat.Format(counters[l] ?? starts[l], fmt);
        });
        return text.Length == 0 || definition?.LevelSuffix?.Val?.InnerText == "nothing" || EndsWithMark(text) ? text : text + " ";
    }

    /// <summary>
    /// A list restarted in Word is a new w:num with overrides and counts on its own; plain w:num
    /// elements of one abstract list share its counters.
    /// </summary>
    private int?[] Counters(NumberingInstance instance, AbstractNum list)
    {
        var key = instance.Elements<LevelOverride>().Any()
            ? "num:" + instance.NumberID!.Value
            : "abstract:" + list.AbstractNumberId!.Value;
        if (!_counters.TryGetValue(key, out var counters))
            _counters[key] = counters = new int?[Levels];
        return counters;
    }

    /// <summary>The abstract list of an instance, following one numStyleLink (a list defined by a list style).</summary>
    private AbstractNum? Abstract(NumberingInstance instance)
    {
        if (instance.AbstractNumId?.Val?.Value is not { } id || !_abstracts.TryGetValue(id, out var list))
            return null;
        if (list.NumberingStyleLink?.Val?.Value is { } link
            && _styles.Numbering(link).NumId is { } linkedNum
            && _instances.TryGetValue(linkedNum, out var linked)
            && linked.AbstractNumId?.Val?.Value is { } linkedId
            && linkedId != id
            && _abstracts.TryGetValue(linkedId, out var target))
            return target;
        return list;
    }

    private static Level? LevelOf(NumberingInstance instance, AbstractNum list, int level) =>
        instance.Elements<LevelOverride>().FirstOrDefault(o => o.LevelIndex?.Value == level)?.Level
        ?? list.Elements<Level>().FirstOrDefault(l => l.LevelIndex?.Value == level);

    private static int? StartOverride(NumberingInstance instance, int level) =>
        instance.Elements<LevelOverride>().FirstOrDefault(o => o.LevelIndex?.Value == level)?.StartOverrideNumberingValue?.Val?.Value;

    /// <summary>In a list tied to heading styles, each level names the style that uses it.</summary>
    private static int? StyleLevel(AbstractNum list, string? styleId) =>
        styleId is null ? null : list.Elements<Level>().FirstOrDefault(l => l.ParagraphStyleIdInLevel?.Val?.Value == styleId)?.LevelIndex?.Value;

    /// <summary>一、 and （一） end in punctuation: the tab Word puts after them only aligns the text.</summary>
    private static bool EndsWithMark(string number) => "、.．)）:：".Contains(number[^1], StringComparison.Ordinal);

    [GeneratedRegex("%([1-9])")]
    private static partial Regex Placeholder();
}
