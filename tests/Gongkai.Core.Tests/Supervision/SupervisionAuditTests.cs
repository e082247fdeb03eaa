using Gongkai.Core.Supervision.Auditing;
using Gongkai.Domain.Agencies;
using Gongkai.Domain.Reports;
using Gongkai.Domain.Reports.Checks;
using Gongkai.Domain.Supervision;

namespace Gongkai.Core.Tests.Supervision;

public sealed class SupervisionAuditTests
{
    private static readonly AuditUnit City = AuditUnit.ForAgency(1, "示范市人民政府", AgencyLevel.City, 0);
    private static readonly AuditUnit Education = AuditUnit.ForAgency(2, "示范市教育局", AgencyLevel.Department, 1);
    private static readonly AuditUnit Police = AuditUnit.ForAgency(3, "示范市公安局", AgencyLevel.Department, 1);

    private static AuditedItem Item(AnnualReport report, int? agencyId, string? file = null) =>
        new(null, file ?? $"{report.Agency}-{report.Year}.json", report,
            [.. Gongkai.Domain.Reports.Checks.ReportChecks.Check(report).Select(f => new AuditFinding(null, f, FindingScope.Report))], agencyId);

    private static SupervisionAudit Build(params AuditedItem[] items) => SupervisionAudit.Build("测试检查", [City, Education, Police], items, []);

    [Fact]
    public void Build_StatusPerUnitAndYear_ByArticle49()
    {
        var audit = Build(
            Item(ReportFiles.Clean("示范市人民政府", 2022, new DateOnly(2023, 3, 31)), 1),
            Item(ReportFiles.Clean("示范市教育局", 2022, new DateOnly(2023, 2, 1)), 2),
            Item(ReportFiles.Clean("示范市教育局", 2023, null), 2),
            Item(ReportFiles.Clean("示范市人民政府", 2023, new DateOnly(2024, 1, 5)), 1));

        audit.Years.ShouldBe([2022, 2023]);
        audit.Units.ShouldBe([City, Education, Police]);
        audit.Row(City).Select(c => c.Status).ShouldBe([PublicationStatus.OnTime, PublicationStatus.OnTime]);
        audit.Row(Education).Select(c => c.Status).ShouldBe([PublicationStatus.Late, PublicationStatus.DateUnknown]);
        audit.Row(Police).Select(c => c.Status).ShouldBe([PublicationStatus.Missing, PublicationStatus.Missing]);
        audit.Cell(Education, 2022).Deadline.ShouldBe(new DateOnly(2023, 1, 31));
        audit.Cell(City, 2022).Deadline.ShouldBe(new DateOnly(2023, 3, 31));
    }

    [Fact]
    public void Build_TwoFilesOfOneYear_FirstPublishedCounts()
    {
        var republished = Item(ReportFiles.Clean("示范市教育局", 2022, new DateOnly(2023, 3, 1)), 2, "second.json");
        var first = Item(ReportFiles.Clean("示范市教育局", 2022, new DateOnly(2023, 1, 20)), 2, "first.json");

        var cell = Build(republished, first).Cell(Education, 2022);

        cell.Report.ShouldBe(first);
        cell.Copies.ShouldBe([republished]);
        cell.Status.ShouldBe(PublicationStatus.OnTime);
    }

    [Fact]
    public void Build_CarryNotMatchingLastYear_CrossYearFindingOnLaterYear()
    {
        var before = ReportFiles.Clean("示范市教育局", 2021, new DateOnly(2022, 1, 10));
        var after = ReportFiles.Clean("示范市教育局", 2022, new DateOnly(2023, 1, 10), r =>
        {
            var cells = before.Requests["carriedForward"]!.ToArray();
            cells[0] = Cell.Of(cells[0].Value!.Value + 4);
            r.Requests.Set("carriedOver", cells);
        });

        var audit = Build(Item(before, 2), Item(after, 2));

        audit.Cell(Education, 2021).CrossYear.ShouldBeEmpty();
        var carry = audit.Cell(Education, 2022).CrossYear.Single(f => f.Finding.Rule == Rules.YearCarry);
        carry.Scope.ShouldBe(FindingScope.CrossYear);
        carry.Finding.Cells.ShouldBe(["requests.carriedOver.naturalPerson", "2021:requests.carriedForward.naturalPerson"]);
        audit.Cell(Education, 2022).ComparedYear.ShouldBe(2021);
    }

    [Fact]
    public void Build_ProseOfLastYear_LooksCopied()
    {
        var before = ReportFiles.Clean("示范市教育局", 2021, new DateOnly(2022, 1, 10));
        var same = ReportFiles.Clean("示范市教育局", 2023, new DateOnly(2024, 1, 10));
        var rewritten = ReportFiles.Clean("示范市人民政府", 2023, new DateOnly(2024, 1, 10), r =>
        {
            for (var i = 0; i < r.Sections.Count; i++)
                r.Sections[i] = r.Sections[i] with { Text = "本年度围绕优化营商环境重新部署政务公开工作，逐项建立台账并按月调度推进。" + i };
        });

        var audit = Build(Item(before, 2), Item(same, 2), Item(ReportFiles.Clean("示范市人民政府", 2021, null), 1), Item(rewritten, 1));

        var copied = audit.Cell(Education, 2023);
        copied.ComparedYear.ShouldBe(2021, "compared with the last report before, across the missing year");
        copied.ProseRepetition.ShouldBe(1);
        copied.LooksCopied.ShouldBeTrue();
        audit.Cell(City, 2023).LooksCopied.ShouldBeFalse();
    }

    [Fact]
    public void Build_UnmatchedAndUnplaced_StayVisible()
    {
        var traditional = ReportFiles.Clean("深圳市住房和建設局", 2022, null);
        var simplified = ReportFiles.Clean("深圳市住房和建设局", 2022, null);
        var noYear = ReportFiles.Clean("示范市公安局", 2022, null, r => r.Year = null);

        var audit = Build(Item(traditional, null, "a.json"), Item(simplified, null, "b.json"), Item(noYear, 3, "c.json"));

        var printed = audit.Units.Single(u => !u.IsRegistered);
        printed.Name.ShouldBe("深圳市住房和建设局");
        printed.Kind.ShouldBe(PublisherKind.Department);
        audit.Cell(printed, 2022).Copies.Count.ShouldBe(1);
        audit.Unplaced.Select(i => i.FileName).ShouldBe(["c.json"]);
    }

    [Fact]
    public void Build_OnlyYear_GridOfThatYearCheckedAgainstTheYearBefore()
    {
        var before = ReportFiles.Clean("示范市教育局", 2021, new DateOnly(2022, 1, 10));
        var after = ReportFiles.Clean("示范市教育局", 2022, new DateOnly(2023, 1, 10), r => r.Requests.Set("carriedOver", [.. r.Requests["carriedOver"]!.Select(c => Cell.Of(c.Value!.Value + 1))]));

        var audit = SupervisionAudit.Build("测试", [Education], [Item(before, 2), Item(after, 2)], [], onlyYear: 2022);

        audit.Years.ShouldBe([2022]);
        audit.Cell(Education, 2022).CrossYear.ShouldNotBeEmpty();
    }

    [Fact]
    public void Ranking_ErrorsFirst_DismissedAndReadingProblemsNotCounted()
    {
        var broken = ReportFiles.Clean("示范市教育局", 2022, new DateOnly(2023, 1, 10), r =>
        {
            var cells = r.Requests["newReceived"]!.ToArray();
            cells[0] = Cell.Of(cells[0].Value!.Value + 2);
            cells[6] = Cell.Of(cells[6].Value!.Value + 2);
            r.Requests.Set("newReceived", cells);
        });
        var education = Item(broken, 2);
        var city = Item(ReportFiles.Clean("示范市人民政府", 2022, new DateOnly(2023, 3, 1)), 1);
        var dismissedEverything = education with
        {
            Findings = [.. education.Findings.Select(f => f with { Decision = new DecisionView(Verdict.Dismissed, "已核实无误", "测试", DateTime.UtcNow) })],
        };

        var ranking = Build(education, city).Ranking;
        var afterDismissal = Build(dismissedEverything, city).Ranking;

        ranking.Select(r => (r.Rank, r.Unit.Name, r.Errors)).ShouldBe([(1, "示范市教育局", 2), (2, "示范市公安局", 0), (3, "示范市人民政府", 0)]);
        ranking[1].Missing.ShouldBe(1);
        afterDismissal.Single(r => r.Unit == Education).Errors.ShouldBe(0);
        afterDismissal.Single(r => r.Unit == Education).Dismissed.ShouldBe(education.Findings.Count);
        afterDismissal[0].Unit.ShouldBe(Police, "a missing report now weighs most");
    }
}
