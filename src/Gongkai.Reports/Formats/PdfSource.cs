using System.Text;
using Gongkai.Domain.Reports;
using Gongkai.Reports.Formats.Pdf;
using Gongkai.Reports.Reading;

namespace Gongkai.Reports.Formats;

/// <summary>
/// A PDF report read through poppler: words with their boxes from pdftotext, ruling lines from
/// pdftocairo. Ruled tables are read cell by cell from their grid; tables without rules from the
/// positions of their words; pipe rows (a text report printed as it was) at their pipes; the rest
/// becomes paragraphs. Page furniture is dropped first.
/// </summary>
public static class PdfSource
{
    public static SourceDocument Read(byte[] bytes)
    {
        var dir = Directory.CreateTempSubdirectory("gongkai-pdf-");
        try
        {
            var pdf = Path.Combine(dir.FullName, "report.pdf");
            File.WriteAllBytes(pdf, bytes);
            var pages = BboxReader.Read(Poppler.BboxLayout(pdf));
            if (pages.Count == 0)
                throw new ReportReadException("PDF 文件已损坏或格式无法识别，无法读取");
            if (pages.All(p => p.Lines.Count == 0))
                throw new ReportReadException("PDF 没有文字层（可能是扫描件或图片），无法读取其中的文字；请提供带文字的 PDF、DOCX 或网页版本");
            if (IsGarbled(pages))
                throw new ReportReadException("PDF 的文字层无法正确提取（字体缺少编码信息，取出的文字是乱码）；请提供 DOCX、网页或另行导出的 PDF 版本");
            return Build(pdf, pages);
        }
        finally
        {
            try
            {
                dir.Delete(recursive: true);
            }
            catch (IOException)
            {
                // A temp file still in use is left to the system's cleaning.
            }
        }
    }

    /// <summary>
    /// Fonts embedded without a Unicode map give private-use code points, replacement characters
    /// or control characters instead of text: reading on would only report a missing report.
    /// </summary>
    internal static bool IsGarbled(List<PdfPage> pages)
    {
        int all = 0, bad = 0;
        foreach (var c in pages.SelectMany(p => p.Words).SelectMany(w => w.Text))
        {
            all++;
            if (c is >= '\uE000' and <= '\uF8FF' or '\uFFFD' || char.IsControl(c))
                bad++;
        }
        return bad > all * 0.3;
    }

    private static SourceDocument Build(string pdf, List<PdfPage> pages)
    {
        var tables = new Dictionary<int, List<RuledTable>>();
        var rest = new List<PdfPage>();
        foreach (var page in pages)
        {
            var found = MayHoldTable(page) && Poppler.PageSvg(pdf, page.Number) is { } svg
                ? RuledTable.Find(RuleReader.Read(svg))
                : [];
            tables[page.Number] = found;
            rest.Add(page with { Lines = Distribute(page, found) });
        }

        var furniture = PageFurniture.Find(rest);
        JoinTablesAcrossPageBreaks(rest, tables, furniture);
        var areas = TextAreas(rest, furniture);
        var document = new SourceDocument("pdf");
        // The last paragraph of a page is held back: the next page may go on with it.
        (string Text, CellSource Place, Paragraph Last, bool NearPageBreak)? held = null;
        void Flush()
        {
            if (held is { } h)
                document.AddParagraph(h.Text, h.Place, h.NearPageBreak);
            held = null;
        }

        foreach (var page in rest)
        {
            CellSource Place(Box box) => new() { Page = page.Number, Box = new PageBox(box.X0, box.Y0, box.X1, box.Y1, page.Width, page.Height) };
            var items = Items(page, tables[page.Number], furniture, areas.GetValueOrDefault(page.Width));
            for (var i = 0; i < items.Count; i++)
            {
                if (items[i].Paragraph is not { } paragraph)
                {
                    Flush();
                    var boxes = items[i].Boxes;
                    if (boxes.Count == 0)
                        continue; // A grid row of cells all spanning from the row above.
                    document.AddRow(items[i].Cells, Place(boxes.Aggregate((a, b) => a.Union(b))), [.. boxes.Select(Place)]);
                    continue;
                }
                if (i == 0 && held is { } h && GoesOn(h.Last, paragraph))
                    held = (Join(h.Text, paragraph.Text), h.Place, paragraph, true);
                else
                {
                    Flush();
                    held = (paragraph.Text, Place(paragraph.Box), paragraph, i == 0 || i == items.Count - 1);
                }
                if (i < items.Count - 1)
                    Flush();
            }
        }
        Flush();
        return document;
    }

    /// <summary>A paragraph at the top of a page goes on with the one that ended the page before.</summary>
    private static bool GoesOn(Paragraph last, Paragraph next) =>
        last.RunsOn && !next.Indented && Math.Abs(last.Size - next.Size) < 0.15 * next.Size;

    private static string Join(string text, string more)
    {
        var sb = new StringBuilder(text);
        TextJoin.Append(sb, more, char.IsAsciiLetter);
        return sb.ToString();
    }

    /// <summary>A table row (cells, each with its box) or a paragraph, at its height on the page.</summary>
    private sealed record PageItem(double Y, IReadOnlyList<string> Cells, IReadOnlyList<Box> Boxes, Paragraph? Paragraph);

    /// <summary>What a page shows, top to bottom: table rows and paragraphs, page furniture left out.</summary>
    private static List<PageItem> Items(PdfPage page, List<RuledTable> tables, HashSet<int> furniture, TextArea area)
    {
        var items = new List<PageItem>();
        foreach (var table in tables)
        {
            for (var r = table.FirstRow; r < table.RowCount; r++)
            {
                var parts = table.CellsStartingIn(r).SelectMany(c => CellParts(table, c)).ToList();
                items.Add(new PageItem(table.RowTop(r), [.. parts.Select(p => p.Text)], [.. parts.Select(p => p.Box)], null));
            }
        }
        var lines = page.Lines.Where(l => !furniture.Contains(l.Id)).ToList();
        // A text report printed as it was: its pipe rows are rows.
        items.AddRange(lines.Where(PipeRow.Is).Select(PipeRow.Split).Select(r => new PageItem(r.Y, r.Cells, r.Boxes, null)));
        lines.RemoveAll(PipeRow.Is);
        var gridless = GridlessTable.Find(lines);
        items.AddRange(gridless.Rows.Select(r => new PageItem(r.Y, r.Cells, r.Boxes, null)));
        items.AddRange(Paragraphs.Build(lines.Where(l => !gridless.Lines.Contains(l.Id)), page.Width, area)
                                 .Select(p => new PageItem(p.Box.Y0, [p.Text], [p.Box], p)));
        // OrderBy is stable: lines at one height keep their reading order.
        return [.. items.OrderBy(i => i.Y)];
    }

    /// <summary>
    /// A ruled cell's text, or its parts where rules and words disagree: a cell holding two figures
    /// or more is cells the rules failed to separate (a rule drawn in the page's image, cells each
    /// framed with a gap between): its label, then each figure, as the template's row needs them.
    /// </summary>
    private static IEnumerable<(string Text, Box Box)> CellParts(RuledTable table, GridCell cell)
    {
        var figures = cell.Words.Where(w => ValueParser.IsFigure(w.Text)).OrderBy(w => w.Box.X0).ToList();
        if (figures.Count < 2)
        {
            yield return (TextJoin.Words(cell.Words), table.CellBox(cell));
            yield break;
        }
        var label = cell.Words.Except(figures).ToList();
        if (label.Count > 0)
            yield return (TextJoin.Words(label), label.Select(w => w.Box).Aggregate((a, b) => a.Union(b)));
        foreach (var figure in figures)
            yield return (figure.Text, figure.Box);
    }

    /// <summary>
    /// The text area of the pages of each width, from the lines of all of them: pages of one size
    /// share their margins, and a page of indented one-line paragraphs and headings alone does not
    /// show where lines start and end (a one-line paragraph would seem to run to the margin).
    /// </summary>
    private static Dictionary<double, TextArea> TextAreas(List<PdfPage> pages, HashSet<int> furniture)
    {
        var areas = new Dictionary<double, TextArea>();
        foreach (var page in pages)
        {
            foreach (var line in page.Lines.Where(l => !furniture.Contains(l.Id)))
            {
                areas[page.Width] = areas.TryGetValue(page.Width, out var a)
                    ? new TextArea(Math.Min(a.Left, line.Box.X0), Math.Max(a.Right, line.Box.X1))
                    : new TextArea(line.Box.X0, line.Box.X1);
            }
        }
        return areas;
    }

    /// <summary>
    /// A table that ends one page and starts the next (nothing but page furniture after or before
    /// it) goes on there: its header printed again is left out and a row cut by the page break
    /// is one row (see <see cref="RuledTable.GoOn"/>).
    /// </summary>
    private static void JoinTablesAcrossPageBreaks(List<PdfPage> pages, Dictionary<int, List<RuledTable>> tables, HashSet<int> furniture)
    {
        for (var i = 0; i + 1 < pages.Count; i++)
        {
            var before = tables[pages[i].Number].MaxBy(t => t.Box.Y1);
            var after = tables[pages[i + 1].Number].MinBy(t => t.Box.Y0);
            if (before is null || after is null)
                continue;
            var endsPage = !pages[i].Lines.Any(l => !furniture.Contains(l.Id) && l.Box.CenterY > before.Box.Y1);
            var startsPage = !pages[i + 1].Lines.Any(l => !furniture.Contains(l.Id) && l.Box.CenterY < after.Box.Y0);
            if (endsPage && startsPage)
                before.GoOn(after, pages[i].Height);
        }
    }

    /// <summary>
    /// Only pages with several figures are worth asking pdftocairo for their rules, and the first
    /// page: the metadata above the title (索引号, 发布机构 …) is a small ruled table with at most
    /// a date among figures, and its words alone do not show its cells.
    /// </summary>
    private static bool MayHoldTable(PdfPage page) =>
        page.Number == 1 || page.Words.Count(w => w.Text.Length <= 12 && w.Text.Any(char.IsAsciiDigit)) >= 3;

    /// <summary>Hands each word inside a ruled table to its table; returns the page's lines without them.</summary>
    private static List<PdfLine> Distribute(PdfPage page, List<RuledTable> tables)
    {
        var lines = new List<PdfLine>();
        foreach (var line in page.Lines)
        {
            var words = new List<PdfWord>();
            foreach (var w in line.Words)
            {
                if (tables.FirstOrDefault(t => t.Holds(w)) is { } table)
                    table.Add(w);
                else
                    words.Add(w);
            }
            if (words.Count > 0)
                lines.Add(line with { Words = words, Box = words.Select(w => w.Box).Aggregate((a, b) => a.Union(b)) });
        }
        return lines;
    }
}
