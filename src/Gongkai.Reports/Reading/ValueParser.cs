using System.Globalization;
using System.Text.RegularExpressions;
using Gongkai.Domain.Reports;
using Gongkai.Domain.Text;

namespace Gongkai.Reports.Reading;

/// <summary>
/// Decides whether a table cell holds a figure, and which: a number with its sign and unit, an
/// empty mark (blank, /, -, —, 无), or something number-like that cannot be read (?3). Anything
/// with words in it is a label, not a figure.
/// </summary>
internal static partial class ValueParser
{
    /// <summary>The scale a unit applies to a count (万宗 → 10000) or to an amount in 万元.</summary>
    public static decimal CountScale(string unit) => unit.StartsWith('万') ? 10000m : 1m;

    public static decimal AmountScale(string unit) => unit switch
    {
        "元" => 0.0001m,
        "亿元" or "亿" => 10000m,
        _ => 1m,
    };

    /// <summary>A figure, or null when the cell is a label. <paramref name="norm"/> is the normalised text.</summary>
    public static Figure? Parse(string raw, string norm)
    {
        switch (norm)
        {
            case "":
                return new(Form: CellForm.Blank, Value: 0, Unit: "");
            case "/" or "\\" or "//":
                return new(CellForm.Slash, 0, "");
            case "-" or "--":
                return new(CellForm.Hyphen, 0, "");
            case "—" or "——" or "–" or "―" or "－－":
                return new(CellForm.Dash, 0, "");
            case "无" or "空":
                return new(CellForm.None, 0, "");
        }
        // Labels, the most common cells, start with a Chinese character; no figure does (无 is above).
        if (ChineseText.IsCjk(norm[0]))
            return null;
        var m = NumberPattern().Match(norm);
        if (m.Success)
        {
            var digits = m.Groups["num"].Value.Replace(",", "", StringComparison.Ordinal);
            // Beyond what a decimal holds (a run of thousands of digits) is no figure anyone printed.
            if (!decimal.TryParse(digits, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
                return new(CellForm.Unreadable, null, "");
            if (m.Groups["sign"].Value == "-")
                value = -value;
            return new(CellForm.Number, value, m.Groups["unit"].Value);
        }
        if (norm.Length <= 24 && !norm.Any(ChineseText.IsCjk) && norm.Any(c => char.IsAsciiDigit(c) || c is '?' or '�' or '□' or '■' or '*'))
            return new(CellForm.Unreadable, null, "");
        _ = raw;
        return null;
    }

    /// <summary>Whether the text is a figure that can be read: a number or an empty mark, not a blank or a garbled sign.</summary>
    public static bool IsFigure(string text) => Parse(text, ChineseText.Normalize(text)) is { Form: not CellForm.Unreadable and not CellForm.Blank };

    /// <summary>A line that is only a page marker: - 3 -, 第3页, 第3页共8页, 3/8.</summary>
    public static bool IsPageMarker(string norm) => PageMarker().IsMatch(norm);

    [GeneratedRegex(@"^(?<sign>[+\-])?(?<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+)(?<unit>万元|亿元|元|万宗|万件|万个|万条|万项|万次|万|宗|件|个|条|项|次|人次|人|篇|期|份|家|%)?$")]
    private static partial Regex NumberPattern();

    [GeneratedRegex(@"^(?:[-—–]+\d{1,3}[-—–]+|第\d{1,3}页(?:[,/]?共\d{1,3}页)?|共\d{1,3}页第\d{1,3}页|\d{1,3}/\d{1,3}|(?i:page)\d{1,3}(?:(?i:of)\d{1,3})?)$")]
    private static partial Regex PageMarker();
}

/// <summary>A figure as read: its form, its value before column scaling, its own unit if written.</summary>
internal readonly record struct Figure(CellForm Form, decimal? Value, string Unit);
