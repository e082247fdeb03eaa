namespace Gongkai.Core.Requests.Letters;

/// <summary>A letter's text: paragraphs separated by line breaks, as templates give it and staff edit it.</summary>
public static class LetterText
{
    public const int MaxLength = 20000;

    /// <summary>What staff typed, as paragraphs: Windows line breaks, blank lines and surrounding spaces dropped.</summary>
    public static string Normalize(string? text) =>
        string.Join('\n', (text ?? "").Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0));

    /// <summary>
    /// The handler's edit carried onto what the template gives on the day of 签发: paragraphs the
    /// handler left alone take the new text (a due date counted from the new date), paragraphs the
    /// handler changed keep the change. Null when a paragraph was changed on both sides, or the
    /// handler added or removed paragraphs while the template's text changed: then the draft must be
    /// redone rather than a date silently left wrong.
    /// </summary>
    public static string? Rebase(string drafted, string edited, string current)
    {
        if (edited == drafted)
            return current;
        if (current == drafted)
            return edited;
        var (d, e, c) = (drafted.Split('\n'), edited.Split('\n'), current.Split('\n'));
        if (d.Length != e.Length || d.Length != c.Length)
            return null;
        var merged = new string[d.Length];
        for (var i = 0; i < d.Length; i++)
        {
            if (e[i] == d[i] || e[i] == c[i])
                merged[i] = c[i];
            else if (c[i] == d[i])
                merged[i] = e[i];
            else
                return null;
        }
        return string.Join('\n', merged);
    }
}
