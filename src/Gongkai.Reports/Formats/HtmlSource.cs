using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Gongkai.Domain.Reports;
using Gongkai.Domain.Text;
using Gongkai.Reports.Reading;

namespace Gongkai.Reports.Formats;

/// <summary>
/// A report as a web page: a government CMS page, a Word "save as web page" file, or this
/// project's own HTML. The page's text in reading order, data tables row by row, and the
/// 信息公开 fields the CMS put in its &lt;meta&gt; tags; scripts, navigation and footers left out.
/// </summary>
public static class HtmlSource
{
    /// <summary>The page's &lt;meta&gt; tags are not printed anywhere: paragraph 0.</summary>
    private static readonly CellSource MetaLocation = new() { Paragraph = 0 };

    public static SourceDocument Read(string html)
    {
        HtmlDepth.Check(html);
        using var page = new HtmlParser().ParseDocument(html);
        var document = new SourceDocument("html");
        if (page.Body is { } body)
            new HtmlBlocks(document).Read(body);
        document.Lines.InsertRange(0, MetaLines(page, document).Lines);
        return document;
    }

    /// <summary>
    /// The fields of the government website standard (ArticleTitle, PubDate, ContentSource) as
    /// lines the metadata reader knows, placed first. The title is added only when the page body
    /// does not print it, so a printed title keeps its place before the report's preface.
    /// </summary>
    private static SourceDocument MetaLines(IDocument page, SourceDocument body)
    {
        var meta = new SourceDocument("html");
        if (Meta(page, "ArticleTitle") is { } title && !Prints(body, title))
            meta.AddParagraph(title, MetaLocation);
        // The site's name is its header: whose site the report stands on (IssuingBody).
        if (Meta(page, "SiteName") is { } site)
            meta.AddRow(["网站名称", site], MetaLocation);
        if (Meta(page, "ContentSource") is { } source)
            meta.AddRow(["信息来源", source], MetaLocation);
        if (Meta(page, "PubDate") is { } date)
            meta.AddRow(["发布日期", date], MetaLocation);
        return meta;
    }

    private static string? Meta(IDocument page, string name) =>
        page.QuerySelectorAll("meta")
            .Where(m => string.Equals(m.GetAttribute("name"), name, StringComparison.OrdinalIgnoreCase))
            .Select(m => m.GetAttribute("content")?.Trim())
            .FirstOrDefault(c => !string.IsNullOrEmpty(c));

    private static bool Prints(SourceDocument body, string text)
    {
        var norm = ChineseText.Normalize(text);
        return body.Lines.Any(l => ChineseText.Normalize(string.Concat(l.Cells)).Contains(norm, StringComparison.Ordinal));
    }
}
