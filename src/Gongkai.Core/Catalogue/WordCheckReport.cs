using Gongkai.Domain.Catalogue;

namespace Gongkai.Core.Catalogue;

/// <summary>One text the 错敏词 check read (the title, the body, an attachment) and what it found there.</summary>
public sealed record WordCheckSource(string Label, string Text, IReadOnlyList<WordMatch> Matches, string? Note = null);

/// <summary>
/// The 错敏词 check of a document, run before review and again at submission so it always reflects
/// the current list. A "禁止发布" match blocks submission; a "提示" match is shown to the handler
/// and the reviewer but does not block.
/// </summary>
public sealed record WordCheckReport(IReadOnlyList<WordCheckSource> Sources)
{
    public int BlockCount => Sources.Sum(s => s.Matches.Count(m => m.Entry.Action == WordAction.Block));
    public int WarnCount => Sources.Sum(s => s.Matches.Count(m => m.Entry.Action == WordAction.Warn));
    public bool Blocks => BlockCount > 0;
    public bool IsClean => BlockCount == 0 && WarnCount == 0;

    /// <summary>Checks the title, the body and every attachment's extracted text.</summary>
    public static WordCheckReport For(Document document, WordChecker checker)
    {
        var sources = new List<WordCheckSource>
        {
            new("标题", document.Title, checker.Find(document.Title)),
            new("正文", document.BodyText, checker.Find(document.BodyText)),
        };
        foreach (var attachment in document.Attachments.OrderBy(a => a.SortOrder))
        {
            var label = $"附件“{attachment.File?.FileName}”";
            sources.Add(attachment.Text is { } text
                ? new WordCheckSource(label, text, checker.Find(text))
                : new WordCheckSource(label, "", [], attachment.TextNote));
        }
        return new WordCheckReport(sources);
    }

    /// <summary>A one-line account for the history and the audit log.</summary>
    public string Summary() => IsClean ? "错敏词检查未发现问题"
        : $"错敏词检查：禁止发布{BlockCount}处，提示{WarnCount}处（{string.Join("、", Sources.SelectMany(s => s.Matches).Select(m => m.Entry.Word).Distinct().Take(10))}）";
}
