using System.Globalization;
using Gongkai.Core.AnnualReports;
using Gongkai.Core.OpenData;
using Gongkai.Domain.Reports;
using Gongkai.Reports.Formats;
using Gongkai.Web.Catalogue;
using Gongkai.Web.Hosting;
using Gongkai.Web.Pages;
using Microsoft.AspNetCore.Http.HttpResults;
using static Gongkai.Web.Api.OpenDataViews;

namespace Gongkai.Web.Api;

/// <summary>
/// /api/v1/reports: the published annual reports by agency and year, each as the JSON of
/// docs/annual-report.md — the same the engine reads and writes — with its findings.
/// </summary>
public static class ReportsApi
{
    private const int PageSize = 50;

    public static void MapReportsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/reports").WithTags("年度报告").RequireRateLimiting(RateLimits.PublicReads)
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status429TooManyRequests);

        api.MapGet("/", async Task<Results<Ok<Page<ReportItem>>, ProblemHttpResult>> (int? agency, int? year, string? cursor, PublishedReports reports,
            CancellationToken cancellationToken) =>
        {
            var after = 0;
            if (!Filters.Valid(agency, year: year) || (cursor is not null && !int.TryParse(cursor, NumberStyles.None, CultureInfo.InvariantCulture, out after)))
                return ApiProblems.Of(StatusCodes.Status400BadRequest, Filters.Invalid);
            // Newest year first, then the portal's order of agencies; the cursor is the last report's id.
            var all = await reports.ListAsync(year, agency, cancellationToken);
            var start = cursor is null ? 0 : all.ToList().FindIndex(r => r.Record.Id == after) + 1;
            if (cursor is not null && start == 0) return ApiProblems.Of(StatusCodes.Status400BadRequest, Filters.Invalid);
            var page = all.Skip(start).Take(PageSize).ToList();
            var more = start + page.Count < all.Count;
            return TypedResults.Ok(new Page<ReportItem>([.. page.Select(Item)],
                more ? page[^1].Record.Id.ToString(CultureInfo.InvariantCulture) : null));
        }).CacheOutput(CatalogueWeb.CachePolicy).WithName("ListReports").WithSummary("已公开的政府信息公开工作年度报告：按年度从新到旧、机关顺序；可按机关和年度筛选");

        api.MapGet("/{id:int}", async Task<Results<ContentHttpResult, ProblemHttpResult>> (int id, PublishedReports reports, CancellationToken cancellationToken) =>
        {
            if (await reports.FindAsync(id, cancellationToken) is not { } report)
                return ApiProblems.Of(StatusCodes.Status404NotFound, "该年度报告不存在或尚未公开。");
            var findings = await PublicReportFindings.ForAsync(reports, report, cancellationToken);
            return TypedResults.Content(JsonReport.Write(report.Report, findings), "application/json; charset=utf-8");
        }).CacheOutput(CatalogueWeb.CachePolicy).WithName("GetReport")
          .WithSummary("一份年度报告：docs/annual-report.md 的 JSON（agency、year、template、proactive、requests、reviewLitigation、findings 等）")
          .Produces<AnnualReportJson>(StatusCodes.Status200OK, "application/json").ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static ReportItem Item(PublicReport r) => new(r.Record.Id, r.Agency.Id, r.Agency.Name, r.Agency.OrganizationCode, r.Record.Year,
        r.Record.Template, r.Record.Status.ToString(), r.Record.PublishedOn, string.Create(CultureInfo.InvariantCulture, $"/reports/{r.Record.Id}"),
        string.Create(CultureInfo.InvariantCulture, $"/api/v1/reports/{r.Record.Id}"));

    /// <summary>The outline of the engine's JSON for the OpenAPI document; the full contract is docs/annual-report.md.</summary>
    /// <remarks>Tables for the 2019 and 2021 templates, indicators for the legacy one: members a report does not have are absent.</remarks>
    public sealed record AnnualReportJson(string? Agency, int? Year, string Template, IReadOnlyList<FindingJson> Findings)
    {
        public Dictionary<string, decimal?[]>? Proactive { get; init; }
        public Dictionary<string, decimal?[]>? Requests { get; init; }
        public Dictionary<string, decimal?[]>? ReviewLitigation { get; init; }
        public IReadOnlyList<IndicatorJson>? Indicators { get; init; }
        public string? Title { get; init; }
        public SourceJson? Source { get; init; }
        public IReadOnlyList<SectionJson>? Sections { get; init; }
        public Dictionary<string, CellJson>? Cells { get; init; }
    }

    public sealed record FindingJson(string Rule, Severity Severity, string Message, IReadOnlyList<string> Cells, string Origin);

    public sealed record SourceJson(string? IndexNumber, string? Publisher, DateOnly? IssuedOn, string? DocumentNumber, string? Category, string? Format);

    public sealed record SectionJson(int Number, string Heading, string Topic, string Text);

    public sealed record CellJson(string? Text, string Form)
    {
        public CellPlaceJson? Source { get; init; }
    }

    public sealed record IndicatorJson(string Label, string Unit, decimal? Value, string Form, string Printed, string? Group, string? Text)
    {
        public CellPlaceJson? Source { get; init; }
    }

    /// <summary>Where a cell was printed in the file it was read from: PDF page and box (x0, y0, x1, y1, page width, page height in points), text line, table/row/column, paragraph.</summary>
    public sealed record CellPlaceJson
    {
        public int? Page { get; init; }
        public double[]? Box { get; init; }
        public int? Line { get; init; }
        public int? Table { get; init; }
        public int? Row { get; init; }
        public int? Column { get; init; }
        public int? Paragraph { get; init; }
    }
}
