using System.Globalization;
using Gongkai.Domain.Reports;

namespace Gongkai.Reports.Tests;

/// <summary>Assertions over whole reports, shared by the tests of every format.</summary>
public static class ReportAssert
{
    /// <summary>Tables 二, 三 and 四 hold exactly the expected rows ("requests.newReceived" → values).</summary>
    public static void Cells(AnnualReport report, Dictionary<string, decimal?[]> expected)
    {
        var read = new Dictionary<string, decimal?[]>();
        foreach (var table in ReportSchema.Tables)
        {
            var data = report.Table(table);
            foreach (var key in data.Keys)
                read[ReportSchema.TableId(table) + "." + key] = [.. data[key]!.Select(c => c.Value)];
        }
        read.Keys.ShouldBe(expected.Keys, ignoreOrder: true);
        foreach (var (key, values) in expected)
            read[key].ShouldBe(values, key);
    }

    /// <summary>
    /// Two readings of one report carry the same data: template, agency, year, title, the page
    /// metadata, every cell's value and form, the legacy indicators and the sections.
    /// </summary>
    public static void Same(AnnualReport expected, AnnualReport actual) => Same(expected, actual, prose: t => t);

    /// <summary>
    /// As <see cref="Same(AnnualReport, AnnualReport)"/> for a format that cannot carry every
    /// detail of the prose: PDF loses the spaces between Chinese words (paragraph breaks stay) and the characters no
    /// font can print (private-use mojibake such as U+E0A6). Tables and metadata stay exact.
    /// </summary>
    public static void SamePrintable(AnnualReport expected, AnnualReport actual) =>
        Same(expected, actual, prose: t => string.Concat(t.Where(c => c is not (' ' or '\u3000') && c is < '\uE000' or > '\uF8FF')));

    private static void Same(AnnualReport expected, AnnualReport actual, Func<string, string> prose)
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

        var cells = actual.Cells().ToDictionary(c => c.Path, c => c.Cell);
        cells.Keys.ShouldBe(expected.Cells().Select(c => c.Path), ignoreOrder: true);
        foreach (var (path, _, _, cell) in expected.Cells())
        {
            (cells[path].Value, cells[path].Form).ShouldBe((cell.Value, cell.Form), path);
            if (cell.Form == CellForm.Unreadable && cell.Text.Length > 0)
                cells[path].Text.ShouldBe(cell.Text, path);
        }

        actual.Indicators.Select(i => (i.Label, i.Unit, i.Value.Value, i.Value.Form, i.Group))
            .ShouldBe(expected.Indicators.Select(i => (i.Label, i.Unit, i.Value.Value, i.Value.Form, i.Group)));
        actual.Sections.Select(s => (s.Number, s.Heading, s.Topic, prose(s.Text)))
            .ShouldBe(expected.Sections.Where(s => s.Number > 0 || s.Text.Length > 0).Select(s => (s.Number, s.Heading, s.Topic, prose(s.Text))));
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
}
