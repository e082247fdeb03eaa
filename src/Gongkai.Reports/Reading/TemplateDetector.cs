using Gongkai.Domain.Reports;

namespace Gongkai.Reports.Reading;

/// <summary>
/// Recognises the template by its own words: the 2021 columns of table 二 (本年制发件数 …) or the
/// split 其他处理 of table 三; the 2019 columns (本年新制作数量 …); the legacy 统计指标/统计数 form.
/// The report year decides only when the tables say nothing.
/// </summary>
internal static class TemplateDetector
{
    private static readonly string[] Marks2021 =
        ["本年制发件数", "本年废止件数", "现行有效件数", "本年处理决定数量", "本年收费金额", "逾期不补正", "逾期未按收费通知"];

    private static readonly string[] Marks2019 =
        ["本年新制作数量", "本年新公开数量", "对外公开总数量", "上一年项目数量", "本年增/减", "采购项目数量", "制作数量"];

    public static ReportTemplate Detect(List<ParsedLine> lines, int? year)
    {
        int votes2021 = 0, votes2019 = 0;
        bool legacyHeader = false, requestsTable = false;
        foreach (var line in lines)
        {
            foreach (var token in line.Tokens)
            {
                var norm = token.Norm;
                if (norm.Length > 40 || token.IsValue)
                    continue;
                if (Marks2021.Any(m => norm.Contains(m, StringComparison.Ordinal)))
                    votes2021++;
                else if (Marks2019.Any(m => norm.Contains(m, StringComparison.Ordinal)))
                    votes2019++;
                if (norm is "统计指标" or "统计数")
                    legacyHeader = true;
                if (norm.Contains("新收", StringComparison.Ordinal) && norm.Contains("申请", StringComparison.Ordinal))
                    requestsTable = true;
            }
        }
        if (votes2021 > 0 && votes2021 >= votes2019)
            return ReportTemplate.Y2021;
        if (votes2019 > 0)
            return ReportTemplate.Y2019;
        if (legacyHeader && !requestsTable)
            return ReportTemplate.Legacy;
        if (year is { } y)
            return ReportTemplates.ForYear(y);
        return requestsTable ? ReportTemplate.Y2021 : ReportTemplate.Legacy;
    }
}
