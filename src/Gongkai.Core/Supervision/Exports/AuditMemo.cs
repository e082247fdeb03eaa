using System.Globalization;
using Gongkai.Core.Supervision.Auditing;
using Gongkai.Domain.Reports;
using Gongkai.Domain.Supervision;
using Gongkai.Reports.Writing;

namespace Gongkai.Core.Supervision.Exports;

/// <summary>
/// The audit as a memo in the official document style: the overall picture, the units × years
/// grid, a findings table for each unit (dismissed findings and notes left out, counted), the
/// ranking, and the files that could not be read.
/// </summary>
public static class AuditMemo
{
    private static readonly string[] Numerals = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"];

    public static byte[] Write(SupervisionAudit audit, DateOnly writtenOn)
    {
        var document = new OfficialDocument()
            .Title(audit.Title + "情况")
            .Paragraph($"生成日期：{writtenOn.ToString("yyyy年M月d日", CultureInfo.InvariantCulture)}");
        var section = 0;
        document.Heading(Heading(section++, "总体情况")).Paragraph(Overview(audit));
        document.Heading(Heading(section++, "各单位公开情况")).Table(Layout(AuditTables.Status(audit)));

        document.Heading(Heading(section++, "各单位报告发现的问题"));
        var units = audit.Units.Select(u => (Unit: u, Rows: UnitFindings(audit, u))).Where(u => u.Rows.Count > 0).ToList();
        if (units.Count == 0)
            document.Paragraph("未发现需要核实的问题。");
        for (var i = 0; i < units.Count; i++)
        {
            document.Paragraph($"（{Numerals[i % Numerals.Length]}）{units[i].Unit.Name}");
            document.Table(Layout(new AuditTable("", ["年度", "严重程度", "问题", "核实结论"], units[i].Rows)));
        }

        document.Heading(Heading(section++, "单位排名")).Table(Layout(AuditTables.Ranking(audit)));
        var rejections = AuditTables.Rejections(audit);
        if (rejections.Rows.Count > 0)
            document.Heading(Heading(section, "未能收录的文件")).Table(Layout(rejections));
        return document.Write();
    }

    private static string Overview(SupervisionAudit audit)
    {
        var findings = audit.AllCells.SelectMany(c => c.Findings).ToList();
        var years = audit.Years.Count == 0 ? ""
            : audit.Years.Count == 1 ? string.Create(CultureInfo.InvariantCulture, $"{audit.Years[0]}年度")
            : string.Create(CultureInfo.InvariantCulture, $"{audit.Years[0]}—{audit.Years[^1]}年度");
        var copied = audit.AllCells.Count(c => c.LooksCopied);
        return string.Create(CultureInfo.InvariantCulture,
            $"本次检查涉及{audit.Units.Count}个单位{years}的政府信息公开工作年度报告，收录报告{audit.Items.Count}份，另有{audit.Rejections.Count + audit.Unplaced.Count}个文件未能收录。"
            + $"按《中华人民共和国政府信息公开条例》第四十九条规定的期限，按时公开{audit.Count(PublicationStatus.OnTime)}份，逾期公开{audit.Count(PublicationStatus.Late)}份，"
            + $"公开日期不详{audit.Count(PublicationStatus.DateUnknown)}份，未公开{audit.Count(PublicationStatus.Missing)}份。"
            + $"检查发现错误{findings.Count(f => f.Counts(Severity.Error))}项、警告{findings.Count(f => f.Counts(Severity.Warning))}项、读取问题{findings.Count(f => f.Finding.Origin == FindingOrigin.Reading)}项；"
            + $"经核实，已确认{findings.Count(f => f.Decision?.Verdict == Verdict.Confirmed)}项，已排除{findings.Count(f => f.IsDismissed)}项（不列入下表）。"
            + $"正文与上一年度报告重复率达到{UnitYear.CopyPasteRate * 100:0}%以上、疑似照搬上年的报告{copied}份。");
    }

    private static List<object?[]> UnitFindings(SupervisionAudit audit, AuditUnit unit) =>
        [.. audit.Row(unit).SelectMany(c => c.Findings.Where(f => !f.IsDismissed && f.Finding.Severity != Severity.Info)
            .Select(f => (object?[])[c.Year, Finding.SeverityLabel(f.Finding.Severity), f.Finding.Message,
                f.Decision.Label() + (f.Decision is { Note.Length: > 0 } d ? "：" + d.Note : "")]))];

    private static LayoutTable Layout(AuditTable table) => new(table.Name, table.Header.Count,
        [[.. table.Header.Select(h => new LayoutCell(h, IsHeader: true))],
         .. table.Rows.Select(r => (IReadOnlyList<LayoutCell>)[.. r.Select(c => new LayoutCell(AuditTable.Text(c)))])]);

    private static string Heading(int index, string text) => $"{Numerals[index]}、{text}";
}
