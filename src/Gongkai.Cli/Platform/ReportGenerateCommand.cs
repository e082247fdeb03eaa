using System.Text;
using Gongkai.Cli.Report;
using Gongkai.Core.AnnualReports;
using Gongkai.Core.Storage;
using Gongkai.Domain.Reports;
using Gongkai.Reports.Formats;
using Gongkai.Reports.Writing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Cli.Platform;

/// <summary>
/// gongkai report generate: an agency's report for a year from the platform's records (or as
/// published, once it is), written as the spec's JSON, HTML or DOCX. Nothing is stored.
/// </summary>
internal static class ReportGenerateCommand
{
    public static readonly string[] Formats = ["json", "html", "docx"];

    public static Task<int> RunAsync(CliConsole console, string? dataDirectory, string code, int year, string format, string? output)
    {
        var toStdout = output is null or "-";
        if (toStdout && format == "docx")
            return Task.FromResult(console.Fail("DOCX 是二进制格式，不能输出到终端或管道；请用 -o 指定输出文件。"));
        if (year < AnnualReportService.FirstYear || year > DateTime.UtcNow.Year)
            return Task.FromResult(console.Fail($"年度应在{AnnualReportService.FirstYear}年至{DateTime.UtcNow.Year}年之间。"));
        return PlatformServices.RunAsync(console, dataDirectory, async services =>
        {
            var db = services.GetRequiredService<GongkaiDbContext>();
            var agency = await db.Agencies.AsNoTracking().SingleOrDefaultAsync(a => a.OrganizationCode == code.Trim().ToUpperInvariant());
            if (agency is null)
                return console.Fail($"找不到统一社会信用代码为 {code} 的机关。");
            var (report, findings, stored, units, partial) = await services.GetRequiredService<AnnualReportService>().CurrentAsync(agency, year);
            byte[] bytes = format switch
            {
                "json" => Encoding.UTF8.GetBytes(WithUnits(JsonReport.Write(report, findings), units)),
                "html" => Encoding.UTF8.GetBytes(HtmlReport.Write(report, [])),
                _ => DocxReport.Write(report),
            };
            if (toStdout)
                console.Out.Write(Encoding.UTF8.GetString(bytes));
            else
                AtomicFile.Write(output!, bytes);
            var errors = findings.Count(f => f.Severity == Severity.Error);
            var warnings = findings.Count(f => f.Severity == Severity.Warning);
            var source = stored switch
            {
                ReportStatus.Published => "已发布的报告（发布时的数据）",
                ReportStatus.Imported => "导入的已公开报告",
                _ => "按系统现有数据生成",
            };
            var scope = units.Count == 0 ? "" : $"；含本级和{units.Count}个单位";
            var running = partial ? "；本年度尚未结束，不是全年数据" : "";
            console.Error.WriteLine($"{agency.Name}{year}年度报告：{source}{scope}{running}；核对发现错误 {errors} 个、警告 {warnings} 个。");
            return ExitCodes.Ok;
        });
    }

    /// <summary>
    /// The report's JSON with <c>units</c> after <c>template</c>: the 统一社会信用代码 of the units a
    /// government's report sums (docs/decisions/0022), empty for any other agency.
    /// </summary>
    internal static string WithUnits(string json, IReadOnlyList<ReportUnitRef> units)
    {
        const string anchor = "\n  \"template\": ";
        var at = json.IndexOf(anchor, StringComparison.Ordinal);
        var lineEnd = json.IndexOf('\n', at + 1);
        var codes = string.Join(", ", units.Select(u => System.Text.Json.JsonSerializer.Serialize(u.Code)));
        return json[..(lineEnd + 1)] + $"  \"units\": [{codes}],\n" + json[(lineEnd + 1)..];
    }
}
