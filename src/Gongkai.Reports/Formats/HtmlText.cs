using System.Text;
using Gongkai.Domain.Text;

namespace Gongkai.Reports.Formats;

/// <summary>
/// Inline text as a browser lays it out, so that what is read is what the page shows: inline
/// elements join without separators (digits split over spans stay one number), a run of HTML
/// whitespace is one space, a source line break between two CJK characters is nothing (CSS Text
/// segment-break rule; Word wraps its HTML source inside Chinese words), and &amp;nbsp; is a
/// space that does not collapse.
/// </summary>
internal sealed class HtmlText
{
    private enum Gap
    {
        None,
        Space,
        LineBreak,
        Forced,
    }

    private readonly StringBuilder _text = new();
    private Gap _gap;

    public bool IsEmpty => _text.Length == 0;

    public void Append(string data)
    {
        foreach (var c in data)
        {
            if (c is ' ' or '\t' or '\n' or '\r' or '\f')
            {
                var gap = c is '\n' or '\r' ? Gap.LineBreak : Gap.Space;
                if (gap > _gap)
                    _gap = gap;
                continue;
            }
            if (_gap != Gap.None && _text.Length > 0 && !(_gap == Gap.LineBreak && IsWide(_text[^1]) && IsWide(c)))
                _text.Append(' ');
            _gap = Gap.None;
            _text.Append(c == '\u00A0' ? ' ' : c);
        }
    }

    /// <summary>A break that must separate words (a &lt;br&gt; or paragraph inside a table cell).</summary>
    public void Break() => _gap = Gap.Forced;

    /// <summary>The text so far; the buffer starts again empty.</summary>
    public string Take()
    {
        var text = _text.ToString();
        _text.Clear();
        _gap = Gap.None;
        return text;
    }

    private static bool IsWide(char c) =>
        ChineseText.IsCjk(c) || c is >= '\u3000' and <= '\u303F' or >= '\uFF00' and <= '\uFFEF';
}
