using System.Text.RegularExpressions;
using AngleSharp.Dom;

namespace Gongkai.Reports.Formats;

/// <summary>
/// The parts of a government web page that are not the report: scripts and widgets, hidden
/// elements, and the site's navigation, breadcrumb, share bar and footer as their id or class
/// names them. Conservative: a marked element holding much text is kept, so a page whose
/// article sits inside a wrongly named wrapper still reads.
/// </summary>
internal static partial class HtmlChrome
{
    /// <summary>Navigation and footers are short; an article (even one page of it) is longer.</summary>
    private const int MaxChromeText = 2000;

    private static readonly HashSet<string> Dropped = new(StringComparer.Ordinal)
    {
        "script", "style", "noscript", "template", "iframe", "frame", "nav", "aside", "select", "button",
        "input", "textarea", "svg", "canvas", "object", "embed", "audio", "video",
    };

    /// <summary>Whole class/id words that mark chrome, English and the pinyin CMSs use (besides nav*, *nav).</summary>
    private static readonly HashSet<string> Words = new(StringComparer.Ordinal)
    {
        "menu", "foot", "bottom", "position", "location", "sidebar", "print", "daohang", "weizhi", "fenxiang", "dayin", "banquan",
    };

    /// <summary>Parts of class/id words that mark chrome wherever they appear (bdsharebuttonbox, pagefooter).</summary>
    private static readonly string[] Parts = ["footer", "breadcrumb", "crumb", "share", "copyright", "jiathis"];

    public static bool IsSkipped(IElement element) =>
        Dropped.Contains(element.LocalName) || IsHidden(element) || IsMarked(element);

    private static bool IsHidden(IElement element) =>
        element.HasAttribute("hidden")
        || element.GetAttribute("style") is { } style && HiddenStyle().IsMatch(style);

    private static bool IsMarked(IElement element) =>
        NameWord().Matches($"{element.Id} {element.ClassName}").Any(m => IsChromeWord(m.Value.ToLowerInvariant()))
        && element.TextContent.Length <= MaxChromeText;

    private static bool IsChromeWord(string word) =>
        Words.Contains(word) || word.StartsWith("nav", StringComparison.Ordinal) || word.EndsWith("nav", StringComparison.Ordinal)
        || Parts.Any(p => word.Contains(p, StringComparison.Ordinal));

    [GeneratedRegex(@"display\s*:\s*none|visibility\s*:\s*hidden", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex HiddenStyle();

    /// <summary>Words of an id or class list: mainNav → main, Nav; share-bar → share, bar.</summary>
    [GeneratedRegex("[A-Z]?[a-z0-9]+|[A-Z]+(?![a-z])")]
    private static partial Regex NameWord();
}
