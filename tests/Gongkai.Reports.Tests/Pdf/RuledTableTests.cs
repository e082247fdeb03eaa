using System.Text;
using Gongkai.Reports.Formats.Pdf;

namespace Gongkai.Reports.Tests.Pdf;

/// <summary>Rules as other producers draw them (stroked lines under a transform, as Word does) and the grid built from them.</summary>
public class RuledTableTests
{
    [Fact]
    public void Read_StrokedLinesUnderTransform_AreRulesInPageSpaceButCurvesAndSlantsAreNot()
    {
        const string svg = """
            <svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 600 800">
            <defs><g><symbol id="glyph0-1"><path style="stroke:none;" d="M 0 0 L 5 0 L 5 0.5 L 0 0.5 Z"/></symbol></g></defs>
            <g transform="matrix(1,0,0,-1,0,800)">
            <path style="fill:none;stroke-width:0.5;stroke:rgb(0%,0%,0%);" d="M 100 700 L 300 700 M 100 700 L 100 650"/>
            </g>
            <path style="fill:none;stroke-width:0.5;stroke:rgb(100%,100%,100%);" d="M 100 300 L 300 300"/>
            <path style="fill:rgb(80%,0%,0%);" d="M 400 400 C 420 380 440 380 460 400 L 460 401 L 400 401 Z M 400 500 L 460 502 L 460 503 L 400 501 Z"/>
            <use xlink:href="#glyph0-1" x="10" y="10"/>
            </svg>
            """;

        var rules = RuleReader.Read(Encoding.UTF8.GetBytes(svg));

        rules.Count.ShouldBe(2);
        var h = rules.Single(r => r.Horizontal);
        h.Position.ShouldBe(100, 0.01);
        h.From.ShouldBe(99.75, 0.01);
        h.To.ShouldBe(300.25, 0.01);
        var v = rules.Single(r => !r.Horizontal);
        v.Position.ShouldBe(100, 0.01);
        v.From.ShouldBe(99.75, 0.01);
        v.To.ShouldBe(150.25, 0.01);
    }

    [Fact]
    public void Find_SpansAndCutEdges_CellsStartOnce()
    {
        // Two columns over three rows; the left cell of rows 1–2 spans both; no rule closes the bottom.
        List<Rule> rules =
        [
            new(true, 100, 50, 250), new(true, 120, 50, 250), new(true, 140, 150, 250),
            new(false, 50, 100, 170), new(false, 150, 100, 170), new(false, 250, 100, 170),
        ];

        var table = RuledTable.Find(rules).ShouldHaveSingleItem();
        table.Add(Word("（三）不予公开", 60, 135));
        table.Add(Word("1.国家秘密", 160, 125));
        table.Add(Word("2.禁止公开", 160, 150));
        table.Add(Word("5", 200, 160));

        table.OpenBottom.ShouldBeTrue();
        table.OpenTop.ShouldBeFalse();
        table.RowCount.ShouldBe(3);
        table.CellsStartingIn(1).Select(c => TextJoin.Words(c.Words)).ShouldBe(["（三）不予公开", "1.国家秘密"]);
        table.CellsStartingIn(2).Select(c => TextJoin.Words(c.Words)).ShouldBe(["2.禁止公开5"]);
    }

    [Fact]
    public void Find_DoubleLine_IsOneEdge()
    {
        // A double rule 3pt wide under the header and between label and figures.
        List<Rule> rules =
        [
            new(true, 100, 50, 250), new(true, 120, 50, 250), new(true, 123, 50, 250), new(true, 140, 50, 250),
            new(false, 50, 100, 140), new(false, 150, 100, 140), new(false, 153, 100, 140), new(false, 250, 100, 140),
        ];

        var table = RuledTable.Find(rules).ShouldHaveSingleItem();

        table.RowCount.ShouldBe(2);
        table.CellsStartingIn(1).Count.ShouldBe(2);
    }

    [Fact]
    public void Find_SingleBox_IsNoTable()
    {
        List<Rule> frame = [new(true, 50, 40, 560), new(true, 790, 40, 560), new(false, 40, 50, 790), new(false, 560, 50, 790)];

        RuledTable.Find(frame).ShouldBeEmpty();
    }

    [Fact]
    public void GoOn_HeaderRepeatedOnTheNextPage_LeftOutAndNotJoinedToTheLastRow()
    {
        // Closed under its last row, which has a blank figure; the next page repeats the header,
        // which lines up with that row and holds no figure, just like the rest of a cut row.
        var before = Grid([Header, ["1.当面申请数", "件", "3"], ["2.传真申请数", "件", ""]]);
        var after = Grid([Header, ["3.网络申请数", "件", "1"]]);

        before.GoOn(after, PageHeight);

        Texts(before, 2).ShouldBe(["2.传真申请数", "件", ""]);
        after.FirstRow.ShouldBe(1);
        Texts(after, 1).ShouldBe(["3.网络申请数", "件", "1"]);
    }

    [Fact]
    public void GoOn_RowCutOpenAboveARepeatedHeader_RestAfterTheHeaderJoined()
    {
        // Chromium leaves the cut open at the foot of the page and closes the repeated header
        // with a rule of its own: the rest of the row comes right after the header.
        var before = Grid([Header, ["1.当面申请数", "件", "3"]], cut: ["1.本机关不掌", "件", "—"]);
        var after = Grid([Header, ["握相关政府信息", "", ""], ["2.没有现成信息", "件", "5"]]);

        before.GoOn(after, PageHeight);

        Texts(before, 2).ShouldBe(["1.本机关不掌握相关政府信息", "件", "—"]);
        after.FirstRow.ShouldBe(2);
    }

    private const double PageHeight = 800;

    private static readonly string[] Header = ["统计指标", "单位", "统计数"];

    /// <summary>
    /// A ruled table of three columns (x 50–150–200–250) and 20pt rows from y 100; a
    /// <paramref name="cut"/> row goes on below the last rule, where only the column rules run.
    /// </summary>
    private static RuledTable Grid(string[][] rows, string[]? cut = null)
    {
        double[] xs = [50, 150, 200, 250];
        var bottom = 100 + 20 * rows.Length + (cut is null ? 0 : 20);
        var rules = xs.Select(x => new Rule(false, x, 100, bottom)).ToList();
        for (var r = 0; r <= rows.Length; r++)
            rules.Add(new Rule(true, 100 + 20 * r, 50, 250));
        var table = RuledTable.Find(rules).ShouldHaveSingleItem();
        foreach (var (cells, r) in rows.Append(cut ?? []).Select((cells, r) => (cells, r)))
        {
            for (var c = 0; c < cells.Length; c++)
            {
                if (cells[c].Length > 0)
                    table.Add(Word(cells[c], xs[c] + 2, 110 + 20 * r));
            }
        }
        return table;
    }

    private static List<string> Texts(RuledTable table, int row) => [.. table.CellsStartingIn(row).Select(c => TextJoin.Words(c.Words))];

    private static PdfWord Word(string text, double x, double y) => new(text, new Box(x, y - 5, x + 10 * text.Length, y + 5));
}
