using System.Text;
using Gongkai.Domain.Reports;
using Gongkai.Reports.Reading;

namespace Gongkai.Reports.Formats;

/// <summary>
/// Plain text as published or as copied from a page or a PDF: prose lines, pipe rows
/// (规章 | 0 | 0 | 0 |), tab rows, one cell per line; form feeds mark page breaks.
/// </summary>
public static partial class TextSource
{
    public static SourceDocument Read(string text, string format = "text")
    {
        var document = new SourceDocument(format);
        var lines = Lines(text);
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            var pageBreak = line.Contains('\f', StringComparison.Ordinal)
                            || i + 1 < lines.Length && lines[i + 1].StartsWith('\f');
            AddLine(document, line.Replace('\f', ' '), new CellSource { Line = i + 1 }, pageBreak);
        }
        return document;
    }

    /// <summary>The lines of a text, whatever its line ends.</summary>
    internal static string[] Lines(string text) =>
        text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Split('\n');

    /// <summary>One line of text: a pipe row, a tab row, a row laid out in columns, or a paragraph.</summary>
    internal static void AddLine(SourceDocument document, string line, CellSource place, bool pageBreak)
    {
        if (line.Contains('|', StringComparison.Ordinal))
            document.AddRow(SplitPipes(line), place);
        else if (line.Contains('\t', StringComparison.Ordinal) && line.Trim().Contains('\t', StringComparison.Ordinal))
            document.AddRow(line.Trim().Split('\t'), place);
        else if (SpacedColumns(line) is { } cells)
            document.AddRow(cells, place);
        else
            document.AddParagraph(line, place, pageBreak);
    }

    /// <summary>
    /// A line laid out in columns with runs of spaces (pdftotext -layout, fixed-width exports):
    /// "（一）予以公开      63     1     0" → cells. Prose never qualifies: it has a full stop, or
    /// neither figures nor three short columns.
    /// </summary>
    internal static string[]? SpacedColumns(string line)
    {
        var t = line.Trim();
        if (t.Contains('。', StringComparison.Ordinal) || !(t.Contains("  ", StringComparison.Ordinal) || t.Contains('\u3000', StringComparison.Ordinal)))
            return null;
        var cells = ColumnGap().Split(t);
        if (cells.Length < 2)
            return null;
        // pdftotext -layout keeps single spaces between figures of adjacent columns, and after
        // a label: "2.其他法律行政法规 0 0 0 0", "83 10 0 1".
        var split = cells.SelectMany(c => SourceDocument.SplitFigures(c, wholeLine: false) ?? UnitAndFigure(c) ?? [c]).ToArray();
        var figures = split.Count(c => ColumnFigure().IsMatch(c));
        // A legacy 统计表 row left blank keeps its unit: "传真申请数      件".
        var labelAndUnit = cells.Length == 2 && cells[1].Length <= 3 && !cells[1].Any(char.IsAsciiDigit);
        return figures > 0 || labelAndUnit || cells.Length >= 3 && cells.All(c => c.Length <= 20) ? split : null;
    }

    /// <summary>A legacy 统计表's narrow unit and figure columns run together: "件 1" → [件, 1].</summary>
    private static string[]? UnitAndFigure(string cell) =>
        UnitFigure().Match(cell) is { Success: true } m ? [m.Groups["unit"].Value, m.Groups["figure"].Value] : null;

    [System.Text.RegularExpressions.GeneratedRegex(@"^(?<unit>[^\d\s]{1,3}) (?<figure>[+\-]?[\d,]+(?:\.\d+)?)$")]
    private static partial System.Text.RegularExpressions.Regex UnitFigure();

    [System.Text.RegularExpressions.GeneratedRegex(@"(?: {2,}|\u3000+)")]
    private static partial System.Text.RegularExpressions.Regex ColumnGap();

    [System.Text.RegularExpressions.GeneratedRegex(@"^[+\-]?[\d,]+(?:\.\d+)?$|^[/—\-无]$")]
    private static partial System.Text.RegularExpressions.Regex ColumnFigure();

    /// <summary>"| a | b | |" → [a, b, ""]: the outer pipes frame the row, inner empties are cells.</summary>
    internal static string[] SplitPipes(string line)
    {
        var t = line.Trim();
        var parts = t.Split('|');
        var from = t.StartsWith('|') ? 1 : 0;
        var to = t.EndsWith('|') ? parts.Length - 1 : parts.Length;
        return to > from ? parts[from..to] : [];
    }

    /// <summary>
    /// Decodes a text file: a byte-order mark wins, then strict UTF-8, then GB18030 or Big5,
    /// whichever reads as more common Chinese.
    /// </summary>
    public static string Decode(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
            return Encoding.UTF8.GetString(bytes[3..]);
        if (bytes.Length >= 2 && bytes[0] == 0xFF && bytes[1] == 0xFE)
            return Encoding.Unicode.GetString(bytes[2..]);
        if (bytes.Length >= 2 && bytes[0] == 0xFE && bytes[1] == 0xFF)
            return Encoding.BigEndianUnicode.GetString(bytes[2..]);
        try
        {
            return StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
        }
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var gb = Encoding.GetEncoding("GB18030").GetString(bytes);
        var big5 = Encoding.GetEncoding("big5").GetString(bytes);
        return Score(big5) > Score(gb) ? big5 : gb;
    }

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private static int Score(string text)
    {
        const string common = "的政府信息公开申请年度报告情况工作本年行政處理國務於關為這時會個們來發數據";
        var score = 0;
        foreach (var c in text)
        {
            if (common.Contains(c, StringComparison.Ordinal))
                score++;
            else if (c == '\uFFFD')
                score -= 5;
        }
        return score;
    }
}
