using Gongkai.Domain.Reports;

namespace Gongkai.Reports.Writing;

/// <summary>
/// A cell of the official table layout. <see cref="Path"/> names the figure it shows (for
/// highlighting a finding on the rendered table); header and label cells have none.
/// </summary>
public sealed record LayoutCell(string Text, int RowSpan = 1, int ColSpan = 1, bool IsHeader = false, string? Path = null)
{
    public bool IsFigure => Path is not null;
}

/// <summary>A statistics table as the national template lays it out: rows of physical cells.</summary>
public sealed record LayoutTable(string Title, int Columns, IReadOnlyList<IReadOnlyList<LayoutCell>> Rows);

/// <summary>
/// The layout of tables 二, 三 and 四 (and the legacy 统计表) exactly as 国办公开办函〔2019〕60号 and
/// 〔2021〕30号 print them. HTML, DOCX and text writers all render this one description.
/// </summary>
public static class OfficialLayout
{
    public const string RequestsNote = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）";

    public static IReadOnlyList<LayoutTable> Tables(AnnualReport report) =>
        report.Template == ReportTemplate.Legacy
            ? [Legacy(report)]
            : [Proactive(report), Requests(report), Review(report)];

    /// <summary>The text a figure is written as: its value, or the empty mark it was printed with.</summary>
    public static string FigureText(Cell cell) => cell.Form switch
    {
        CellForm.Number => cell.Value is { } v ? Cell.Format(v) : cell.Text,
        CellForm.Unreadable => cell.Text.Length > 0 ? cell.Text : "?",
        // Recovered by position: what was printed in its place, a figure or a mark.
        CellForm.Recovered => cell.Text.Length > 0 ? cell.Text : Cell.Format(cell.Value ?? 0),
        _ => Cell.Mark(cell.Form),
    };

    private static LayoutCell H(string text, int rowSpan = 1, int colSpan = 1) => new(text, rowSpan, colSpan, IsHeader: true);

    private static LayoutCell L(string text, int rowSpan = 1, int colSpan = 1) => new(text, rowSpan, colSpan);

    private static LayoutCell Figure(AnnualReport report, RowDef row, int column, int colSpan = 1)
    {
        var cell = report.Table(row.Table).Get(row.Key, column) ?? Cell.Missing;
        return new LayoutCell(FigureText(cell), 1, colSpan, Path: row.CellPath(column));
    }

    private static LayoutTable Proactive(AnnualReport report)
    {
        var rows = new List<IReadOnlyList<LayoutCell>>();
        string? section = null;
        foreach (var def in ReportSchema.Rows(report.Template, ReportTable.Proactive))
        {
            if (def.Section != section)
            {
                section = def.Section;
                rows.Add([H(section!, colSpan: 4)]);
                var header = new List<LayoutCell> { H("信息内容") };
                for (var c = 0; c < def.Columns.Count; c++)
                    header.Add(H(def.Columns[c].Label, colSpan: c == def.Columns.Count - 1 ? 4 - def.Columns.Count : 1));
                rows.Add(header);
            }
            var line = new List<LayoutCell> { L(def.Label) };
            for (var c = 0; c < def.Columns.Count; c++)
                line.Add(Figure(report, def, c, c == def.Columns.Count - 1 ? 4 - def.Columns.Count : 1));
            rows.Add(line);
        }
        return new LayoutTable("二、主动公开政府信息情况", 4, rows);
    }

    private static LayoutTable Requests(AnnualReport report)
    {
        var defs = report.Rows(ReportTable.Requests).ToList();
        var rows = new List<IReadOnlyList<LayoutCell>>
        {
            new[] { H(RequestsNote, rowSpan: 3, colSpan: 3), H("申请人情况", colSpan: 7) },
            new[] { H("自然人", rowSpan: 2), H("法人或其他组织", colSpan: 5), H("总计", rowSpan: 2) },
            new[] { H("商业企业"), H("科研机构"), H("社会公益组织"), H("法律服务机构"), H("其他") },
        };
        var results = defs.Count(d => d.Section is not null);
        var sectionDone = false;
        string? group = null;
        foreach (var def in defs)
        {
            var line = new List<LayoutCell>();
            if (def.Section is null)
                line.Add(L(def.Label, colSpan: 3));
            else
            {
                if (!sectionDone)
                {
                    line.Add(L(def.Section, rowSpan: results));
                    sectionDone = true;
                }
                if (def.Group is null)
                    line.Add(L(def.Label, colSpan: 2));
                else
                {
                    if (def.Group != group)
                        line.Add(L(def.Group, rowSpan: defs.Count(d => d.Group == def.Group)));
                    line.Add(L(def.Label));
                }
            }
            group = def.Group;
            for (var c = 0; c < def.Columns.Count; c++)
                line.Add(Figure(report, def, c));
            rows.Add(line);
        }
        return new LayoutTable("三、收到和处理政府信息公开申请情况", 10, rows);
    }

    private static LayoutTable Review(AnnualReport report)
    {
        var defs = ReportSchema.Rows(report.Template, ReportTable.ReviewLitigation);
        string[] results = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"];
        var second = results.Select(r => H(r, rowSpan: 2)).ToList();
        second.Add(H("未经复议直接起诉", colSpan: 5));
        second.Add(H("复议后起诉", colSpan: 5));
        var rows = new List<IReadOnlyList<LayoutCell>>
        {
            new[] { H("行政复议", colSpan: 5), H("行政诉讼", colSpan: 10) },
            second,
            results.Concat(results).Select(r => H(r)).ToList(),
            defs.SelectMany(d => Enumerable.Range(0, d.Columns.Count).Select(c => Figure(report, d, c))).ToList(),
        };
        return new LayoutTable("四、政府信息公开行政复议、行政诉讼情况", 15, rows);
    }

    private static LayoutTable Legacy(AnnualReport report)
    {
        var rows = new List<IReadOnlyList<LayoutCell>> { new[] { H("统计指标"), H("单位"), H("统计数") } };
        string? group = null;
        foreach (var i in report.Indicators)
        {
            if (i.Group != group && i.Group is not null)
                rows.Add([L(i.Group), L(""), L("")]);
            group = i.Group;
            var value = i.Value.Value is null && i.Value.Form == CellForm.Blank ? "" : FigureText(i.Value);
            rows.Add([L(i.Printed), L(i.Unit), new LayoutCell(value, Path: $"indicators.{i.Label}")]);
        }
        return new LayoutTable("统计表", 3, rows);
    }
}
