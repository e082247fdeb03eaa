using System.Text.RegularExpressions;

namespace Gongkai.Web.Tests.Architecture;

/// <summary>
/// No class means two things: each class name is styled by one stylesheet of wwwroot/css. site.css
/// holds the generic components every page uses (.card, .notice, .panel, .facts…); a feature
/// stylesheet (requests.css, letters.css, reports.css, supervision.css) styles only classes of its
/// own, prefixed (req-, rep-, sv-…), and never restyles a generic one or another feature's.
/// </summary>
public sealed partial class StylesheetTests
{
    private static readonly string Root = FindRoot();
    private static readonly string CssDirectory = Path.Combine(Root, "src", "Gongkai.Web", "wwwroot", "css");

    [Fact]
    public void Stylesheets_EveryClass_StyledByOneStylesheetOnly()
    {
        var owners = Stylesheets()
            .SelectMany(sheet => ClassesIn(File.ReadAllText(sheet)).Select(name => (Name: name, Sheet: Path.GetFileName(sheet))))
            .Distinct()
            .GroupBy(c => c.Name, c => c.Sheet);

        owners.Where(g => g.Count() > 1)
            .Select(g => $".{g.Key}: {string.Join(", ", g.Order(StringComparer.Ordinal))}")
            .Order(StringComparer.Ordinal)
            .ShouldBeEmpty("a feature stylesheet uses its own prefixed classes (req-, rep-, sv-…); generic components live in site.css only");
    }

    [Fact]
    public void Views_EveryLiteralClass_StyledSomewhere()
    {
        var styled = Stylesheets().SelectMany(sheet => ClassesIn(File.ReadAllText(sheet))).ToHashSet(StringComparer.Ordinal);
        var views = Directory.EnumerateFiles(Path.Combine(Root, "src", "Gongkai.Web"), "*.cshtml", SearchOption.AllDirectories);

        views.SelectMany(view => LiteralClasses(File.ReadAllText(view))
                .Where(name => !styled.Contains(name) && !Hooks.Contains(name))
                .Select(name => $"{Path.GetRelativePath(Root, view)}: .{name}"))
            .Distinct()
            .Order(StringComparer.Ordinal)
            .ShouldBeEmpty("a class in a view is styled by a stylesheet, or is a hook listed in StylesheetTests.Hooks");
    }

    [Theory]
    [InlineData(".a, .b .c { x: 1 }", "a b c")]
    [InlineData("@media (max-width: 40rem) { table.stack-on-phone td:empty { display: none; } }", "stack-on-phone")]
    [InlineData("/* .commented */ .x::before { content: \".not-a-class\"; }", "x")]
    [InlineData(".notice.warning { color: #b26a00; } .w { width: 1.5rem; }", "notice w warning")]
    public void ClassesIn_Css_TheClassSelectors(string css, string expected) =>
        ClassesIn(css).Order(StringComparer.Ordinal).ShouldBe(expected.Split(' '));

    /// <summary>Classes that style nothing on purpose: what scripts and browser tests select, and markers read by people.</summary>
    private static readonly HashSet<string> Hooks = new(StringComparer.Ordinal)
    {
        "print-view", // the print layout's <html>, which PortalTests looks for
        "downloads", "pauses", "awaiting-delivery", "draft-list", "items", "message", // what a block is, for people reading the HTML
    };

    private static IEnumerable<string> Stylesheets() => Directory.EnumerateFiles(CssDirectory, "*.css").Order(StringComparer.Ordinal);

    /// <summary>The class names in the selectors of a stylesheet (comments, strings and declarations left out).</summary>
    internal static IEnumerable<string> ClassesIn(string css)
    {
        var text = Comment().Replace(css, " ");
        text = QuotedString().Replace(text, "\"\"");
        text = Declarations().Replace(text, "{");
        return ClassSelector().Matches(text).Select(m => m.Groups[1].Value).Distinct();
    }

    /// <summary>Class names written out in a view's class attributes; parts computed by Razor (@…) are left out.</summary>
    private static IEnumerable<string> LiteralClasses(string view) =>
        ClassAttribute().Matches(view).SelectMany(m => m.Groups[1].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Where(name => Name().IsMatch(name));

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(dir!.FullName, "Gongkai.slnx"))) dir = dir.Parent;
        return dir.FullName;
    }

    [GeneratedRegex(@"/\*.*?\*/", RegexOptions.Singleline)]
    private static partial Regex Comment();

    [GeneratedRegex("\"[^\"]*\"|'[^']*'")]
    private static partial Regex QuotedString();

    /// <summary>A declaration block without nested blocks: what follows a selector up to its closing brace.</summary>
    [GeneratedRegex(@"\{[^{}]*\}")]
    private static partial Regex Declarations();

    [GeneratedRegex(@"\.(-?[A-Za-z_][\w-]*)")]
    private static partial Regex ClassSelector();

    [GeneratedRegex("\\sclass=\"([^\"@]*)\"")]
    private static partial Regex ClassAttribute();

    [GeneratedRegex(@"^-?[A-Za-z_][\w-]*$")]
    private static partial Regex Name();
}
