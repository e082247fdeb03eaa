using System.Globalization;
using Gongkai.Domain.Reports;
using Gongkai.Domain.Reports.Checks;

namespace Gongkai.Cli.Report;

/// <summary>The readable Chinese result of <c>report check</c>: one block per file, findings by severity.</summary>
internal static class CheckText
{
    private static readonly Severity[] BySeverity = [Severity.Error, Severity.Warning, Severity.Info];

    public static void Write(TextWriter w, IReadOnlyList<CheckedFile> files)
    {
        foreach (var file in files)
        {
            WriteFile(w, file);
            w.WriteLine();
        }
        w.WriteLine($"合计：{Tally.Of(files).Describe()}。");
    }

    private static void WriteFile(TextWriter w, CheckedFile file)
    {
        w.WriteLine($"文件：{file.Path}");
        if (file.Read is not { } read)
        {
            w.WriteLine($"  结论：{ReportLabels.Status(file.Status)}——{file.Error}");
            return;
        }
        var report = read.Report;
        w.WriteLine($"  格式：{ReportLabels.Format(read.Format)}");
        w.WriteLine($"  模板：{report.Template.Label()}");
        w.WriteLine($"  机关：{report.Agency ?? "未识别"}");
        w.WriteLine($"  年度：{report.Year?.ToString(CultureInfo.InvariantCulture) ?? "未识别"}");
        w.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  结论：{ReportLabels.Status(file.Status)}（错误 {file.Count(Severity.Error)} 项，警告 {file.Count(Severity.Warning)} 项，提示 {file.Count(Severity.Info)} 项）"));
        foreach (var severity in BySeverity)
        {
            var findings = file.Findings.Where(f => f.Finding.Severity == severity).ToList();
            if (findings.Count == 0)
                continue;
            w.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {Finding.SeverityLabel(severity)}（{findings.Count} 项）"));
            for (var i = 0; i < findings.Count; i++)
                WriteFinding(w, file, i + 1, findings[i]);
        }
    }

    private static void WriteFinding(TextWriter w, CheckedFile file, int number, FileFinding item)
    {
        var finding = item.Finding;
        w.WriteLine(string.Create(CultureInfo.InvariantCulture, $"    {number}. [{finding.Rule}] {finding.Message}"));
        if (finding.Cells.Count > 0)
            w.WriteLine($"       单元格：{Cells(ReportLabels.Cells(file, finding).ToList())}");
        w.WriteLine($"       性质：{Finding.OriginLabel(finding.Origin)}");
        switch (item.Scope)
        {
            case FindingScope.Report:
                break;
            case FindingScope.CrossYear:
                w.WriteLine($"       依据：跨年度核对，对照上一年度报告 {string.Join("、", item.Against)}");
                break;
            case FindingScope.Region:
                w.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"       依据：区域汇总核对，对照 {item.Against.Count} 个下级单位报告：{string.Join("、", item.Against)}"));
                break;
        }
    }

    /// <summary>A long list of cells (a column of outcome rows) is shortened to its ends and its count.</summary>
    private static string Cells(IReadOnlyList<string> cells) => cells.Count <= 6
        ? string.Join("；", cells)
        : string.Join("；", cells.Take(2)) + $"；……；{cells[^1]}（共{cells.Count}格）";
}
