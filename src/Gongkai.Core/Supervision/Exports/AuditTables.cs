using System.Globalization;
using Gongkai.Core.Supervision.Auditing;
using Gongkai.Domain.Reports;
using Gongkai.Domain.Reports.Checks;
using Gongkai.Domain.Supervision;

namespace Gongkai.Core.Supervision.Exports;

/// <summary>The views of an audit as tables: the units × years grid, the findings, the ranking, the files not taken in, one row per unit and year.</summary>
public static class AuditTables
{
    public static AuditTable Status(SupervisionAudit audit) => new("公开情况",
        ["单位", "类别", .. audit.Years.Select(y => $"{Year(y)}年度")],
        [.. audit.Units.Select(u => (object?[])[u.Name, Kind(u), .. audit.Row(u).Select(StatusText)])]);

    public static AuditTable Findings(SupervisionAudit audit) => new("问题清单",
        ["单位", "年度", "文件", "规则", "严重程度", "性质", "来源", "问题", "涉及单元格", "核实结论", "核实说明"],
        [.. audit.AllCells.Where(c => c.Report is not null).SelectMany(c => c.Findings.Select(f => (object?[])
        [
            c.Unit.Name, c.Year, c.Report!.FileName, f.Finding.Rule, Finding.SeverityLabel(f.Finding.Severity),
            Finding.OriginLabel(f.Finding.Origin), f.Scope.Label(), f.Finding.Message,
            string.Join("；", f.Finding.Cells.Select(p => CellNames.Describe(c.Report.Report.Template, p))),
            f.Decision.Label(), f.Decision?.Note,
        ]))]);

    public static AuditTable Ranking(SupervisionAudit audit) => new("单位排名",
        ["名次", "单位", "按时公开", "逾期公开", "公开日期不详", "未公开", "错误", "警告", "读取问题", "已确认", "已排除", "正文最高重复率"],
        [.. audit.Ranking.Select(r => (object?[])
        [
            r.Rank, r.Unit.Name, r.OnTime, r.Late, r.DateUnknown, r.Missing, r.Errors, r.Warnings, r.ReadingProblems,
            r.Confirmed, r.Dismissed, r.HighestRepetition is { } rate ? new Percent(rate) : null,
        ])]);

    public static AuditTable Rejections(SupervisionAudit audit) => new("未收录文件",
        ["文件", "原因"],
        [.. audit.Rejections.Select(r => (object?[])[r.FileName, r.Reason]),
         .. audit.Unplaced.Select(i => (object?[])[i.FileName, i.Report.Year is null ? "未能识别报告年度" : "未能识别报告所属机关"])]);

    public static readonly IReadOnlyList<string> UnitYearHeader =
        ["单位", "类别", "年度", "公开情况", "发文日期", "公开期限", "文件", "错误", "警告", "读取问题", "跨年度问题", "正文重复率", "规则", "问题说明", "已确认", "已排除"];

    /// <summary>One row per unit and year, like the batch summary: what a supervisor filters in a spreadsheet.</summary>
    public static AuditTable UnitYears(SupervisionAudit audit) => new("单位年度", UnitYearHeader,
        [.. audit.AllCells.Select(c =>
        {
            var findings = c.Findings.ToList();
            return (object?[])
            [
                c.Unit.Name, Kind(c.Unit), c.Year, c.Status.Label(), Date(c.Report?.Report.Source.IssuedOn), Date(c.Deadline), c.Report?.FileName,
                c.Count(Severity.Error), c.Count(Severity.Warning), findings.Count(f => f.Finding.Origin == FindingOrigin.Reading),
                c.CrossYear.Count, c.ProseRepetition is { } r ? new Percent(r) : null,
                string.Join(";", findings.Select(f => f.Finding.Rule).Distinct()),
                string.Join("；", findings.Select(f => $"{Finding.SeverityLabel(f.Finding.Severity)}：{f.Finding.Message}")),
                findings.Count(f => f.Decision?.Verdict == Verdict.Confirmed), findings.Count(f => f.IsDismissed),
            ];
        })]);

    public static string StatusText(UnitYear cell) => cell.Report?.Report.Source.IssuedOn is { } date
        ? $"{cell.Status.Label()}（{Date(date)}）"
        : cell.Status.Label();

    public static string Kind(AuditUnit unit) => unit.IsRegistered ? unit.Kind.Label() : unit.Kind.Label() + "，按报告所署名称";

    private static string Year(int year) => year.ToString(CultureInfo.InvariantCulture);

    private static string? Date(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
