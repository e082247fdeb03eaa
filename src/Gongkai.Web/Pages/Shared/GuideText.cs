namespace Gongkai.Web.Pages;

/// <summary>A 公开指南 is kept as plain text; paragraphs are its lines, headings the ones numbered 一、二、….</summary>
public static class GuideText
{
    public static IReadOnlyList<string> Paragraphs(string text) =>
        text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public static bool IsHeading(string paragraph) =>
        paragraph.Length is > 2 and < 40 && "一二三四五六七八九十".Contains(paragraph[0], StringComparison.Ordinal) && paragraph.Contains('、', StringComparison.Ordinal);
}
