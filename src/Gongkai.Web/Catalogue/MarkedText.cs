using Gongkai.Domain.Search;
using Microsoft.AspNetCore.Html;

namespace Gongkai.Web.Catalogue;

public static class MarkedText
{
    /// <summary>
    /// Text with the matches in &lt;mark&gt;, every piece encoded by the page's encoder, and not a
    /// character of whitespace added: between Chinese characters it would show as a gap.
    /// </summary>
    public static IHtmlContent Render(IEnumerable<TextSegment> segments)
    {
        var html = new HtmlContentBuilder();
        foreach (var s in segments)
        {
            if (s.Marked) html.AppendHtml("<mark>").Append(s.Text).AppendHtml("</mark>");
            else html.Append(s.Text);
        }
        return html;
    }
}
