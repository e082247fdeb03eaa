using System.Globalization;
using Gongkai.Core.Audit;
using Gongkai.Domain.Catalogue;

namespace Gongkai.Core.Catalogue;

/// <summary>A CSV line read: the entry, or every reason it was refused.</summary>
public sealed record WordCsvLine(int LineNumber, WordInput? Input, IReadOnlyList<string> Errors);

/// <summary>
/// The 错敏词 list as CSV for spreadsheet programs (UTF-8 with a byte-order mark so Excel reads
/// Chinese): 词语, 类型 (敏感词/错误表述), 更正, 处理方式 (禁止发布/提示), 说明. What it writes it
/// reads back, formula-defused cells included.
/// </summary>
public static class WordListCsv
{
    public static readonly string[] Header = ["词语", "类型", "更正", "处理方式", "说明"];

    public static async Task WriteAsync(IEnumerable<WordListEntry> entries, Stream output, CancellationToken cancellationToken = default)
    {
        await using var csv = Csv.Writer(output, leaveOpen: true);
        await csv.WriteRecordAsync(Header, cancellationToken);
        foreach (var e in entries)
            await csv.WriteRecordAsync([e.Word, WordChecker.KindLabel(e.Kind), e.Correction ?? "", WordChecker.ActionLabel(e.Action), e.Note ?? ""], cancellationToken);
    }

    /// <summary>Every line after the header, each with its entry or its errors; an empty list when the text has no header.</summary>
    public static IReadOnlyList<WordCsvLine> Read(string text, out string? headerError)
    {
        var rows = Csv.Records(text).ToList();
        headerError = rows.Count == 0 || !rows[0].Cells.Take(2).SequenceEqual(Header.Take(2))
            ? $"第1行应为表头：{string.Join(",", Header)}"
            : null;
        if (headerError is not null) return [];
        var lines = new List<WordCsvLine>();
        foreach (var (number, cells) in rows.Skip(1))
        {
            if (cells.All(c => c.Trim().Length == 0)) continue;
            lines.Add(Parse(number, cells));
        }
        return lines;
    }

    private static WordCsvLine Parse(int number, IReadOnlyList<string> cells)
    {
        var errors = new List<string>();
        string Cell(int i) => i < cells.Count ? Csv.Undefuse(cells[i]).Trim() : "";
        if (cells.Count > Header.Length) errors.Add($"有{cells.Count}列，应为{Header.Length}列（词语中含逗号时请加英文双引号）");
        WordKind? kind = Cell(1) switch
        {
            "敏感词" => WordKind.Sensitive,
            "错误表述" or "错别字" => WordKind.Wrong,
            _ => null,
        };
        if (kind is null) errors.Add($"类型“{Cell(1)}”无效，应为“敏感词”或“错误表述”");
        WordAction? action = Cell(3) switch
        {
            "禁止发布" => WordAction.Block,
            "提示" => WordAction.Warn,
            _ => null,
        };
        if (action is null) errors.Add($"处理方式“{Cell(3)}”无效，应为“禁止发布”或“提示”");
        var input = new WordInput(Cell(0), kind ?? WordKind.Sensitive, Cell(2).Length == 0 ? null : Cell(2), action ?? WordAction.Warn,
            Cell(4).Length == 0 ? null : Cell(4));
        errors.AddRange(input.Validate().Select(e => e.Message.TrimEnd('。')));
        return new WordCsvLine(number, errors.Count == 0 ? input : null, errors);
    }

    public static string Describe(WordCsvLine line) =>
        string.Create(CultureInfo.InvariantCulture, $"第{line.LineNumber}行：{string.Join("；", line.Errors)}。");
}
