using System.Globalization;
using Gongkai.Domain.Reports;

namespace Gongkai.Reports.Tests;

/// <summary>Assertions on whole reports and on cells written in a short hand.</summary>
internal static class ReportAssert
{
    /// <summary>
    /// The data two readings of a report must share: template, agency, year, title, metadata,
    /// every cell's value and form, the legacy indicators and the sections.
    /// </summary>
    public static void SameData(AnnualReport actual, AnnualReport expected)
    {
        actual.Template.ShouldBe(expected.Template);
        actual.Agency.ShouldBe(expected.Agency);
        actual.Year.ShouldBe(expected.Year);
        actual.Title.ShouldBe(expected.Title);
        Metadata(actual).ShouldBe(Metadata(expected));
        Cells(actual).ShouldBe(Cells(expected));
        actual.Indicators.Select(i => (i.Label, i.Unit, i.Value.Value, i.Value.Form, i.Group))
            .ShouldBe(expected.Indicators.Select(i => (i.Label, i.Unit, i.Value.Value, i.Value.Form, i.Group)));
        actual.Sections.Select(s => (s.Number, s.Heading, s.Text, s.Topic))
            .ShouldBe(expected.Sections.Select(s => (s.Number, s.Heading, s.Text, s.Topic)));
    }

    /// <summary>
    /// Every cell of tables 二, 三 and 四 against expectations written as printed marks: a number,
    /// "" blank, "/" slash, "-" hyphen, "—" dash, "无" none, "?…" unreadable.
    /// </summary>
    public static void Cells(AnnualReport report, IReadOnlyDictionary<string, string[]> expected)
    {
        var read = new Dictionary<string, (decimal?, CellForm)[]>(StringComparer.Ordinal);
        foreach (var table in ReportSchema.Tables)
        {
            var data = report.Table(table);
            foreach (var key in data.Keys)
                read[ReportSchema.TableId(table) + "." + key] = [.. data[key]!.Select(c => (c.Value, c.Form))];
        }
        read.Keys.ShouldBe(expected.Keys, ignoreOrder: true);
        foreach (var (key, marks) in expected)
            read[key].ShouldBe(marks.Select(Expect).ToArray(), key);
    }

    private static (decimal?, CellForm) Expect(string mark) => mark switch
    {
        "" => (0, CellForm.Blank),
        "/" => (0, CellForm.Slash),
        "-" => (0, CellForm.Hyphen),
        "—" => (0, CellForm.Dash),
        "无" => (0, CellForm.None),
        _ when mark.StartsWith('?') => (null, CellForm.Unreadable),
        _ => (decimal.Parse(mark, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture), CellForm.Number),
    };

    private static (string Path, decimal? Value, CellForm Form)[] Cells(AnnualReport report) =>
        [.. report.Cells().Select(c => (c.Path, c.Cell.Value, c.Cell.Form))];

    private static (string?, string?, DateOnly?, string?, string?) Metadata(AnnualReport report)
    {
        var s = report.Source;
        return (s.IndexNumber, s.Publisher, s.IssuedOn, s.DocumentNumber, s.Category);
    }
}
