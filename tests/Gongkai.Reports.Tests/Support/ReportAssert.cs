using Gongkai.Domain.Reports;

namespace Gongkai.Reports.Tests.Support;

/// <summary>Two reports hold the same data: metadata, every cell's value and form, indicators, sections.</summary>
public static class ReportAssert
{
    public static void SameData(AnnualReport actual, AnnualReport expected, bool sections = true)
    {
        actual.Template.ShouldBe(expected.Template);
        actual.Agency.ShouldBe(expected.Agency);
        actual.Year.ShouldBe(expected.Year);
        actual.Title.ShouldBe(expected.Title);
        actual.Source.IndexNumber.ShouldBe(expected.Source.IndexNumber);
        actual.Source.Publisher.ShouldBe(expected.Source.Publisher);
        actual.Source.IssuedOn.ShouldBe(expected.Source.IssuedOn);
        actual.Source.DocumentNumber.ShouldBe(expected.Source.DocumentNumber);
        actual.Source.Category.ShouldBe(expected.Source.Category);

        var actualCells = actual.Cells().ToDictionary(c => c.Path, c => c.Cell);
        var expectedCells = expected.Cells().ToDictionary(c => c.Path, c => c.Cell);
        actualCells.Keys.ShouldBe(expectedCells.Keys, ignoreOrder: true);
        foreach (var (path, cell) in expectedCells)
        {
            var read = actualCells[path];
            read.Form.ShouldBe(cell.Form, path);
            read.Value.ShouldBe(cell.Value, path);
            if (cell.Form == CellForm.Unreadable && cell.Text.Length > 0)
                read.Text.ShouldBe(cell.Text, path);
        }

        actual.Indicators.Count.ShouldBe(expected.Indicators.Count);
        for (var i = 0; i < expected.Indicators.Count; i++)
        {
            var (a, e) = (actual.Indicators[i], expected.Indicators[i]);
            (a.Label, a.Unit, a.Value.Value, a.Value.Form, a.Group).ShouldBe((e.Label, e.Unit, e.Value.Value, e.Value.Form, e.Group), e.Printed);
        }

        if (!sections)
            return;
        actual.Sections.Select(Describe).ShouldBe(expected.Sections.Where(s => s.Number > 0 || s.Text.Length > 0).Select(Describe));
    }

    private static string Describe(ReportSection s) => $"{s.Number}|{s.Topic}|{s.Heading}|{s.Text}";
}
