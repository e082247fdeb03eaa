using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Gongkai.Reports.Tests;

/// <summary>
/// Builds DOCX files in test code as Word stores them: a grid slot for every cell (w:gridSpan
/// across columns; a w:vMerge "restart" cell and "continue" cells down rows), list numbers
/// that live only in numbering.xml, heading styles tied to a list.
/// </summary>
internal sealed class WordFixture
{
    private readonly List<OpenXmlElement> _blocks = [];
    private readonly Numbering _numbering = new();
    private readonly Styles _styles = new();

    public WordFixture Add(params OpenXmlElement[] blocks)
    {
        _blocks.AddRange(blocks);
        return this;
    }

    /// <summary>An abstract list: one (numFmt, lvlText) per level, e.g. ("chineseCounting", "%1、").</summary>
    public WordFixture List(int abstractId, params (string Format, string Text)[] levels)
    {
        var list = new AbstractNum { AbstractNumberId = abstractId };
        for (var i = 0; i < levels.Length; i++)
        {
            list.Append(new Level(
                new StartNumberingValue { Val = 1 },
                new NumberingFormat { Val = Enum.Parse<NumberFormatValues>(levels[i].Format, ignoreCase: true) },
                new LevelText { Val = levels[i].Text },
                new LevelJustification { Val = LevelJustificationValues.Left })
            {
                LevelIndex = i,
            });
        }
        // Abstract lists precede the instances in numbering.xml.
        var firstInstance = _numbering.GetFirstChild<NumberingInstance>();
        if (firstInstance is null)
            _numbering.Append(list);
        else
            _numbering.InsertBefore(list, firstInstance);
        return this;
    }

    /// <summary>A list instance; <paramref name="restart"/> makes it count anew, as Word's "restart numbering" does.</summary>
    public WordFixture Num(int numId, int abstractId, bool restart = false)
    {
        var instance = new NumberingInstance(new AbstractNumId { Val = abstractId }) { NumberID = numId };
        if (restart)
            instance.Append(new LevelOverride(new StartOverrideNumberingValue { Val = 1 }) { LevelIndex = 0 });
        _numbering.Append(instance);
        return this;
    }

    /// <summary>A paragraph style, numbered by a list when <paramref name="numId"/> is given (Word's "link level to style").</summary>
    public WordFixture Style(string id, string name, int? numId = null, int? level = null)
    {
        var properties = new StyleParagraphProperties();
        if (numId is not null)
        {
            properties.NumberingProperties = new NumberingProperties(
                level is null ? [new NumberingId { Val = numId }] : [new NumberingLevelReference { Val = level }, new NumberingId { Val = numId }]);
        }
        _styles.Append(new Style(new StyleName { Val = name }, properties) { Type = StyleValues.Paragraph, StyleId = id });
        return this;
    }

    public byte[] Build()
    {
        using var stream = new MemoryStream();
        using (var word = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = word.AddMainDocumentPart();
            main.AddNewPart<StyleDefinitionsPart>().Styles = _styles;
            if (_numbering.HasChildren)
                main.AddNewPart<NumberingDefinitionsPart>().Numbering = _numbering;
            var body = new Body(_blocks.Select(b => b.CloneNode(true)));
            body.Append(new SectionProperties(new PageSize { Width = 11906U, Height = 16838U }));
            main.Document = new Document(body);
        }
        return stream.ToArray();
    }

    public static Paragraph P(string text, int? numId = null, int level = 0, string? style = null)
    {
        var properties = new ParagraphProperties();
        if (style is not null)
            properties.ParagraphStyleId = new ParagraphStyleId { Val = style };
        if (numId is not null)
            properties.NumberingProperties = new NumberingProperties(new NumberingLevelReference { Val = level }, new NumberingId { Val = numId });
        return new Paragraph(properties, new Run(new Text(text) { Space = SpaceProcessingModeValues.Preserve }));
    }

    /// <summary>A paragraph of the given runs and other inline content.</summary>
    public static Paragraph P(params OpenXmlElement[] content) => new(content);

    public static Run R(string text) => new(new Text(text) { Space = SpaceProcessingModeValues.Preserve });

    /// <summary>Text inserted with track changes on.</summary>
    public static InsertedRun Ins(string text) => new(R(text)) { Author = "审核人", Id = "1" };

    /// <summary>Text deleted with track changes on: still in the file, no longer in the document.</summary>
    public static DeletedRun Del(string text) => new(new Run(new DeletedText(text))) { Author = "审核人", Id = "2" };

    /// <summary>A complex field as Word stores it: begin, instruction, separate, shown result, end.</summary>
    public static Run[] Field(string instruction, string result) =>
    [
        new(new FieldChar { FieldCharType = FieldCharValues.Begin }),
        new(new FieldCode(instruction) { Space = SpaceProcessingModeValues.Preserve }),
        new(new FieldChar { FieldCharType = FieldCharValues.Separate }),
        R(result),
        new(new FieldChar { FieldCharType = FieldCharValues.End }),
    ];

    /// <summary>A content control around blocks; a table of contents is one with the "Table of Contents" gallery.</summary>
    public static SdtBlock Control(bool tableOfContents, params OpenXmlElement[] blocks)
    {
        var properties = new SdtProperties();
        if (tableOfContents)
            properties.Append(new SdtContentDocPartObject(new DocPartGallery { Val = "Table of Contents" }, new DocPartUnique()));
        return new SdtBlock(properties, new SdtContentBlock(blocks));
    }

    public static Table Table(params TableRow[] rows)
    {
        var columns = rows[0].Elements<TableCell>().Sum(c => c.TableCellProperties?.GridSpan?.Val?.Value ?? 1);
        var table = new Table(
            new TableProperties(new TableBorders(new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4 })),
            new TableGrid(Enumerable.Range(0, columns).Select(_ => new GridColumn { Width = "600" })));
        table.Append(rows);
        return table;
    }

    public static TableRow Row(params IEnumerable<TableCell>[] cells) => new(cells.SelectMany(c => c));

    /// <summary>A cell spanning <paramref name="span"/> grid columns.</summary>
    public static TableCell[] C(string text, int span = 1) => [Cell(span, null, P(text))];

    /// <summary>The first cell of a vertical merge, holding its text.</summary>
    public static TableCell[] Top(string text, int span = 1) => [Cell(span, MergedCellValues.Restart, P(text))];

    /// <summary>A cell continuing the vertical merge above it: Word stores it empty.</summary>
    public static TableCell[] Under(int span = 1) => [Cell(span, MergedCellValues.Continue, new Paragraph())];

    /// <summary>Figure cells from a space-separated list; "_" is a cell left blank.</summary>
    public static TableCell[] F(string figures) =>
        [.. figures.Split(' ').Select(f => Cell(1, null, f == "_" ? new Paragraph() : P(f)))];

    /// <summary>A cell holding the given paragraphs or tables.</summary>
    public static TableCell[] Holding(params OpenXmlElement[] blocks) => [Cell(1, null, blocks)];

    private static TableCell Cell(int span, MergedCellValues? merge, params OpenXmlElement[] blocks)
    {
        var properties = new TableCellProperties(new TableCellWidth { Width = (600 * span).ToString(System.Globalization.CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa });
        if (span > 1)
            properties.GridSpan = new GridSpan { Val = span };
        if (merge == MergedCellValues.Continue)
            properties.VerticalMerge = new VerticalMerge();
        else if (merge is { } m)
            properties.VerticalMerge = new VerticalMerge { Val = m };
        return new TableCell(blocks.Prepend(properties));
    }
}
