using Gongkai.Domain.Reports;
using Gongkai.Domain.Supervision;
using Gongkai.Domain.Tests.Reports;

namespace Gongkai.Domain.Tests.Supervision;

public sealed class ReportMetricsTests
{
    [Fact]
    public void Outcomes_Groups_AddUpToResultsTotal()
    {
        var report = SampleReports.Consistent();

        var mix = ReportMetrics.Outcomes(report)!;

        mix.Total.ShouldBe(report.Requests.Value("results.total", ReportSchema.TotalColumn)!.Value);
        mix[OutcomeGroup.Granted].ShouldBe(report.Requests.Value("results.granted", ReportSchema.TotalColumn)!.Value);
        mix[OutcomeGroup.Denied].ShouldBe(report.Rows(ReportTable.Requests).Where(r => r.Key.StartsWith("results.denied.", StringComparison.Ordinal))
            .Sum(r => report.Requests.Value(r.Key, ReportSchema.TotalColumn)!.Value));
    }

    [Fact]
    public void Review_CorrectedOutOfConcluded_PendingLeftOut()
    {
        var report = SampleReports.Consistent();
        report.ReviewLitigation.Set("review", [Cell.Of(6), Cell.Of(2), Cell.Of(0), Cell.Of(9), Cell.Of(17)]);

        var review = ReportMetrics.Review(report)!;

        review.ShouldBe(new CorrectionRate(2, 8));
        review.Rate.ShouldBe(0.25);
    }

    [Fact]
    public void Litigation_BothRowsTogether()
    {
        var report = SampleReports.Consistent();
        report.ReviewLitigation.Set("litigationWithoutReview", [Cell.Of(1), Cell.Of(1), Cell.Of(0), Cell.Of(0), Cell.Of(2)]);
        report.ReviewLitigation.Set("litigationAfterReview", [Cell.Of(0), Cell.Of(1), Cell.Of(1), Cell.Of(3), Cell.Of(5)]);

        ReportMetrics.Litigation(report).ShouldBe(new CorrectionRate(2, 4));
    }

    [Fact]
    public void Rate_NothingConcluded_NoRate() => new CorrectionRate(0, 0).Rate.ShouldBeNull();

    [Fact]
    public void Metrics_Legacy_None()
    {
        var report = new AnnualReport { Template = ReportTemplate.Legacy, Year = 2017 };

        ReportMetrics.RequestVolume(report).ShouldBeNull();
        ReportMetrics.Outcomes(report).ShouldBeNull();
        ReportMetrics.Review(report).ShouldBeNull();
    }
}
