using System.Collections.Concurrent;
using Gongkai.Benchmarks.Accuracy;
using Gongkai.Domain.Reports;

namespace Gongkai.Reports.Tests.Pdf;

/// <summary>
/// PDFs as other producers print a report, made here with Chromium from the accuracy corpus's
/// layouts: WPS with fixed row heights (labels wrapped past their row's rule), a scanned page with
/// an OCR text layer (rules in the image, words a little off), an OFD conversion (each cell framed
/// on its own, letters spaced), and a table without rules. Every cell reads as printed, by its
/// label: no row lost, nothing recovered by position.
/// </summary>
public class ProducerTests
{
    private static readonly ConcurrentDictionary<(string, ReportTemplate), Lazy<(AnnualReport Model, ReadReport Read)>> Printed = new();

    [Theory]
    [InlineData("pdf-wps-like", "2021")]
    [InlineData("pdf-wps-like", "2019")]
    [InlineData("pdf-ocr-like", "2021")]
    [InlineData("pdf-ocr-like", "2019")]
    [InlineData("pdf-ofd-like", "2021")]
    [InlineData("pdf-ofd-like", "2019")]
    [InlineData("pdf-chromium-borderless", "2019")]
    public void Read_PrintedByAnotherProducer_EveryCellByItsLabel(string layout, string template)
    {
        var (model, read) = Print(layout, ReportTemplates.FromId(template)!.Value);

        read.Report.Cells().Select(c => (c.Path, c.Cell.Value)).ShouldBe(model.Cells().Select(c => (c.Path, c.Cell.Value)));
        read.Report.Cells().ShouldAllBe(c => c.Cell.Form != CellForm.Recovered && c.Cell.Source!.Page != null);
        read.Findings.ShouldBeEmpty();
        (read.Report.Agency, read.Report.Year).ShouldBe((model.Agency, model.Year));
    }

    [Fact]
    public void Read_LabelsRunPastTheirRule_TheyAreInThePdfAsTheRowBelowsFirstWords()
    {
        // The layout's point: without preferring the template's rows, 3.危及“三安全一稳定” would be lost.
        var document = Formats.PdfSource.Read(Layouts.Write(Layouts.All.Single(l => l.Name == "pdf-wps-like"), Model(ReportTemplate.Y2021), new Random(1))!);

        document.Lines.ShouldContain(l => l.Cells.Any(c => c.Contains("禁止公开3.危及", StringComparison.Ordinal)));
    }

    private static AnnualReport Model(ReportTemplate template) =>
        CorpusReports.Consistent(template == ReportTemplate.Y2021 ? 2021_01 : 2019_01, template);

    private static (AnnualReport Model, ReadReport Read) Print(string layout, ReportTemplate template) =>
        Printed.GetOrAdd((layout, template), key => new(() =>
        {
            var model = Model(key.Item2);
            var bytes = Layouts.Write(Layouts.All.Single(l => l.Name == key.Item1), model, new Random(7))!;
            return (model, ReportFile.Read(bytes));
        })).Value;
}
