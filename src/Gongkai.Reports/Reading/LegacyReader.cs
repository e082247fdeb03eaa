using System.Text.RegularExpressions;
using Gongkai.Domain.Reports;
using Gongkai.Domain.Text;

namespace Gongkai.Reports.Reading;

/// <summary>
/// The pre-2019 统计表: rows of 统计指标 | 单位 | 统计数. A row without unit and figure is a group
/// heading; a blank figure stays null (blank is not zero here: the form asks for every figure).
/// </summary>
internal static partial class LegacyReader
{
    private static readonly HashSet<string> Units = new(StringComparer.Ordinal)
    {
        "条", "件", "次", "人", "人次", "个", "份", "篇", "万元", "元", "%", "项", "期", "家", "场", "天", "小时", "万人次", "个/人", "宗",
    };

    public static void Read(List<ParsedLine> lines, AnnualReport report, bool[] consumed)
    {
        var header = lines.FindIndex(l => l.Tokens.Any(t => t.Norm == "统计指标") || l.NormText.StartsWith("统计指标", StringComparison.Ordinal));
        if (header < 0)
            return;
        consumed[header] = true;
        // 附表：政府信息公开工作统计表 captions the table; it is not prose of the section before.
        if (header > 0 && Caption().IsMatch(lines[header - 1].NormText))
            consumed[header - 1] = true;
        string? group = null;
        string? pendingLabel = null;
        string? pendingUnit = null;

        void Add(string label, string unit, Cell value)
        {
            // A top-level line (四、行政复议数量) is its own heading: the lines under it belong to it.
            var topLevel = TopLevel().IsMatch(label);
            report.Indicators.Add(new Indicator(CleanLabel(label), unit, value, label.Trim(), topLevel ? null : group));
            if (topLevel)
                group = CleanLabel(label);
        }

        for (var i = header + 1; i < lines.Count; i++)
        {
            var line = lines[i];
            if (line.IsProse)
                break;
            consumed[i] = true;
            var tokens = line.Tokens;
            // The header again after a page break, or its wrapped second line (单位 → 单/位).
            if (line.NormText.StartsWith("统计指标", StringComparison.Ordinal) || HeaderFragment().IsMatch(line.NormText))
                continue;
            if (line.IsRow)
            {
                FlushPending();
                var label = tokens[0].Raw;
                var unit = tokens.Length > 1 ? ChineseText.ToSimplified(tokens[1].Raw.Trim()) : "";
                var value = tokens.Length > 2 ? tokens[2] : null;
                if (unit.Length == 0 && (value is null || value.Norm.Length == 0))
                {
                    group = CleanLabel(label);
                    continue;
                }
                Add(label, unit, ToCell(value));
                continue;
            }
            // One cell per line: label, then unit, then the figure if one was printed.
            var token = tokens[0];
            if (token.IsText && Units.Contains(token.Norm) && pendingLabel is not null)
            {
                pendingUnit = token.Norm;
                continue;
            }
            if (token.IsValue && pendingLabel is not null)
            {
                Add(pendingLabel, pendingUnit ?? "", ToCell(token));
                pendingLabel = null;
                pendingUnit = null;
                continue;
            }
            FlushPending();
            pendingLabel = token.IsText ? token.Raw : null;
        }
        FlushPending();

        // A label alone is a group heading; a label with its unit is an indicator left blank.
        void FlushPending()
        {
            if (pendingLabel is null)
                return;
            if (pendingUnit is null)
                group = CleanLabel(pendingLabel);
            else
                Add(pendingLabel, pendingUnit, ToCell(null));
            pendingLabel = null;
            pendingUnit = null;
        }
    }

    private static Cell ToCell(Token? token)
    {
        if (token is null || token.Norm.Length == 0)
            return new Cell(null, token?.Raw ?? "", CellForm.Blank) { Source = token?.Source };
        if (token.Figure is not { } figure)
            return Cell.Unreadable(token.Raw) with { Source = token.Source };
        return figure.Form switch
        {
            CellForm.Number => new Cell(figure.Value, token.Raw, CellForm.Number) { Source = token.Source },
            CellForm.Unreadable => Cell.Unreadable(token.Raw) with { Source = token.Source },
            _ => new Cell(null, token.Raw, figure.Form) { Source = token.Source },
        };
    }

    /// <summary>（一）主动公开政府信息数 （不同渠道…计1条） → 主动公开政府信息数.</summary>
    internal static string CleanLabel(string printed)
    {
        var label = ChineseText.ToSimplified(printed).Trim();
        label = Numbering().Replace(label, "");
        label = Note().Replace(label, "");
        label = ChineseText.CollapseWhitespace(label, separator: null);
        label = label.Replace("其中：", "", StringComparison.Ordinal).Replace("其中:", "", StringComparison.Ordinal);
        return label.Trim();
    }

    [GeneratedRegex(@"^(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[)）]|\d+\s*[.．﹒、])\s*")]
    private static partial Regex Numbering();

    [GeneratedRegex(@"^附[表件]\d*:?.{0,40}统计表$")]
    private static partial Regex Caption();

    [GeneratedRegex(@"^\s*[一二三四五六七八九十]+[、.．]")]
    private static partial Regex TopLevel();

    [GeneratedRegex(@"^(?:单位|单|位|统计数|统计|数)+$")]
    private static partial Regex HeaderFragment();

    [GeneratedRegex(@"\s*[（(][^（()）]*[)）]\s*$")]
    private static partial Regex Note();
}
