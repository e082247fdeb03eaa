using System.Text;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace Gongkai.Core.Catalogue;

/// <summary>A body ready to store: HTML that is safe to render as is, and its plain text.</summary>
public sealed record SanitisedBody(string Html, string Text);

/// <summary>
/// The document body: plain text (each line a paragraph) or a small HTML subset, reduced to an
/// allow-list. The output is written element by element from what is allowed, never copied from
/// the input, so nothing else can pass: no scripts, event handlers, styles (the CSP forbids inline
/// styles anyway), frames, forms or images; links only to http(s), mailto and this site.
/// </summary>
public static partial class RichText
{
    public const int MaxLength = 500_000;

    private static readonly HashSet<string> Dropped = new(StringComparer.Ordinal)
    {
        "script", "style", "iframe", "frame", "frameset", "object", "embed", "applet", "form", "input", "button", "select",
        "option", "textarea", "template", "svg", "math", "link", "meta", "base", "noscript", "title", "head", "img", "picture",
        "audio", "video", "source", "track", "canvas", "map", "area", "dialog",
    };

    /// <summary>Allowed elements, with what they become (h1 is the page title, so headings start at h2).</summary>
    private static readonly Dictionary<string, string> Allowed = new(StringComparer.Ordinal)
    {
        ["p"] = "p", ["br"] = "br", ["hr"] = "hr",
        ["h1"] = "h2", ["h2"] = "h2", ["h3"] = "h3", ["h4"] = "h4", ["h5"] = "h4", ["h6"] = "h4",
        ["strong"] = "strong", ["b"] = "strong", ["em"] = "em", ["i"] = "em", ["u"] = "u", ["s"] = "s",
        ["sub"] = "sub", ["sup"] = "sup", ["ul"] = "ul", ["ol"] = "ol", ["li"] = "li", ["blockquote"] = "blockquote",
        ["pre"] = "pre", ["code"] = "code", ["table"] = "table", ["caption"] = "caption", ["thead"] = "thead",
        ["tbody"] = "tbody", ["tfoot"] = "tfoot", ["tr"] = "tr", ["th"] = "th", ["td"] = "td", ["a"] = "a",
    };

    private static readonly HashSet<string> Blocks = new(StringComparer.Ordinal)
    {
        "p", "h2", "h3", "h4", "ul", "ol", "li", "blockquote", "pre", "table", "caption", "tr", "hr",
    };

    public static SanitisedBody Sanitize(string? input)
    {
        input ??= "";
        if (!Tag().IsMatch(input)) input = Paragraphs(input);
        var parser = new HtmlParser();
        var document = parser.ParseDocument("<!DOCTYPE html><html><body></body></html>");
        var nodes = parser.ParseFragment(input, document.Body!);
        var writer = new Writer();
        foreach (var node in nodes) writer.Node(node);
        return new SanitisedBody(writer.Html.ToString().Trim(), writer.PlainText());
    }

    /// <summary>Plain text: every non-empty line a paragraph.</summary>
    private static string Paragraphs(string text)
    {
        var sb = new StringBuilder();
        foreach (var line in text.Split('\n'))
        {
            var trimmed = line.Trim();
            if (trimmed.Length > 0) sb.Append("<p>").Append(Encode(trimmed)).Append("</p>");
        }
        return sb.ToString();
    }

    private static string Encode(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            sb.Append(c switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '"' => "&quot;",
                '\'' => "&#39;",
                _ => c.ToString(),
            });
        }
        return sb.ToString();
    }

    /// <summary>http(s) and mailto links, and links within this site; nothing that can run (javascript:, data:, vbscript:).</summary>
    internal static string? SafeHref(string? href)
    {
        if (href is null) return null;
        var value = new string(href.Where(c => !char.IsControl(c) && !char.IsWhiteSpace(c)).ToArray());
        if (value.StartsWith('/') && !value.StartsWith("//", StringComparison.Ordinal)) return value;
        if (value.StartsWith('#')) return value;
        return value.StartsWith("https://", StringComparison.OrdinalIgnoreCase) || value.StartsWith("http://", StringComparison.OrdinalIgnoreCase)
            || value.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase)
            ? value
            : null;
    }

    [GeneratedRegex(@"<\s*/?\s*[a-zA-Z!]")]
    private static partial Regex Tag();

    [GeneratedRegex(@"^[1-9][0-9]?$")]
    private static partial Regex SmallNumber();

    private sealed class Writer
    {
        public StringBuilder Html { get; } = new();
        private readonly StringBuilder text = new();

        public string PlainText()
        {
            var lines = text.ToString().Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0);
            return string.Join('\n', lines);
        }

        public void Node(INode node)
        {
            switch (node)
            {
                case IText t:
                    Html.Append(Encode(t.Data));
                    text.Append(t.Data.Replace('\n', ' '));
                    break;
                case IElement e:
                    Element(e);
                    break;
            }
        }

        private void Element(IElement element)
        {
            var name = element.LocalName;
            if (Dropped.Contains(name)) return;
            if (!Allowed.TryGetValue(name, out var tag))
            {
                // Unknown containers (div, span, font, section…) are unwrapped; a div still breaks the line.
                var block = name is "div" or "section" or "article" or "header" or "footer" or "center";
                if (block) text.Append('\n');
                Children(element);
                if (block) text.Append('\n');
                return;
            }
            if (Blocks.Contains(tag)) text.Append('\n');
            Html.Append('<').Append(tag);
            Attributes(element, tag);
            Html.Append('>');
            if (tag is "br" or "hr")
            {
                text.Append('\n');
                return;
            }
            Children(element);
            Html.Append("</").Append(tag).Append('>');
            if (tag is "td" or "th") text.Append(' ');
            if (Blocks.Contains(tag)) text.Append('\n');
        }

        private void Children(IElement element)
        {
            foreach (var child in element.ChildNodes) Node(child);
        }

        private void Attributes(IElement element, string tag)
        {
            switch (tag)
            {
                case "a":
                    if (SafeHref(element.GetAttribute("href")) is { } href)
                    {
                        Html.Append(" href=\"").Append(Encode(href)).Append('"');
                        if (!href.StartsWith('/') && !href.StartsWith('#')) Html.Append(" rel=\"noopener noreferrer nofollow\"");
                    }
                    if (element.GetAttribute("title") is { Length: > 0 } title) Html.Append(" title=\"").Append(Encode(title)).Append('"');
                    break;
                case "td" or "th":
                    foreach (var span in new[] { "colspan", "rowspan" })
                    {
                        if (element.GetAttribute(span) is { } value && SmallNumber().IsMatch(value.Trim()))
                            Html.Append(' ').Append(span).Append("=\"").Append(value.Trim()).Append('"');
                    }
                    if (tag == "th" && element.GetAttribute("scope") is "row" or "col") Html.Append(" scope=\"").Append(element.GetAttribute("scope")).Append('"');
                    break;
                case "ol":
                    if (element.GetAttribute("start") is { } start && SmallNumber().IsMatch(start.Trim()))
                        Html.Append(" start=\"").Append(start.Trim()).Append('"');
                    break;
            }
        }
    }
}
