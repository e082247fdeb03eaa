using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;
using Gongkai.E2E.Support;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Gongkai.E2E.Journeys;

/// <summary>
/// A look at every page of the demo region 示范市, as each of its people sees it: the public, the
/// applicant 张三, the handlers and the sign-off chain, the supervisor and the administrator. Each
/// page at 1366 px and at 390 px (a phone) is saved as a screenshot under the test output
/// (screenshots/every-page) and fails on horizontal overflow, overlapping or misplaced table
/// cells, text set one character a line, empty table columns, missing CJK glyphs and any WCAG 2.1
/// A/AA violation axe-core finds. Every routable page is in the list below or excused with
/// its reason (docs/accessibility.md).
/// </summary>
[Collection(BrowserCollection.Name)]
[Trait(TestCategory.Name, TestCategory.Browser)]
public sealed partial class EveryPageTests(Browser browser, DemoServerFixture fixture, ITestOutputHelper output) : IClassFixture<DemoServerFixture>
{
    private const string Public = "public";
    private const string Applicant = "zhang.san";
    private const string Handler = "shi.chengban";
    private const string Supervisor = "shi.jiandu";
    private const string Admin = "admin";
    private const string DemoPassword = "Shifan-2026";
    private static readonly int[] Widths = [1366, 390];

    /// <summary>
    /// One page to look at: the route of its Razor Page (as in @page), who looks, and its address —
    /// or, with <see cref="On"/>, a pattern for the first link on another page (an address or an
    /// earlier visit's route) that leads there, so ids come from the demo data.
    /// </summary>
    private sealed record Visit(string Route, string Who, string Address, string? On = null, int Status = 200);

    private static readonly Visit[] Visits =
    [
        new("/", Public, "/"),
        new("/guide", Public, "/guide"),
        new("/guide/{id:int}/{handler?}", Public, @"^/guide/\d+$", On: "/guide"),
        new("/catalog", Public, "/catalog"),
        new("/documents/{id:int}", Public, @"^/documents/\d+$", On: "/catalog"),
        new("/documents/{id:int}/print", Public, @"^/documents/\d+/print$", On: "/documents/{id:int}"),
        new("/search", Public, "/search?q=%E5%85%AC%E5%BC%80"),
        new("/reports", Public, "/reports"),
        new("/reports/{id:int}", Public, @"^/reports/\d+$", On: "/reports"),
        new("/requests/new", Public, "/requests/new"),
        new("/track", Public, "/track"),
        new("/open-data", Public, "/open-data"),
        new("/verify", Public, "/verify"),
        new("/account/login", Public, "/account/login"),
        new("/account/register", Public, "/account/register"),
        new("/error", Public, "/no-such-page", Status: 404),
        new("/requests/mine", Applicant, "/requests/mine"),
        new("/track/case/{id:int}", Applicant, @"^/track/case/\d+$", On: "/requests/mine"),

        new("/staff", Handler, "/staff"),
        new("/account/security", Handler, "/account/security"),
        new("/account/change-password", Handler, "/account/change-password"),
        new("/account/access-denied", Handler, "/account/access-denied", Status: 403),
        new("/staff/requests", Handler, "/staff/requests"),
        new("/staff/requests", Handler, "/staff/requests?view=Finished"),
        new("/staff/requests/new", Handler, "/staff/requests/new"),
        new("/staff/requests/rules", Handler, "/staff/requests/rules"),
        new("/staff/requests/{id:int}", Handler, @"^/staff/requests/\d+$", On: "/staff/requests?view=DueSoon"),
        new("/staff/requests/{id:int}/{step}", Handler, @"^/staff/requests/\d+/decide$", On: "/staff/requests/{id:int}"),
        new("/staff/requests/{id:int}/{step}", Handler, @"^/staff/requests/\d+/transfer$", On: "/staff/requests/{id:int}"),
        new("/staff/requests/{id:int}/{step}", Handler, @"^/staff/requests/\d+/notifyfee$", On: "/staff/requests/{id:int}"),
        new("/staff/requests/{id:int}", Handler, @"^/staff/requests/\d+$", On: "/staff/reviews"),
        new("/staff/reviews", Handler, "/staff/reviews"),
        new("/staff/reviews/{review}", Handler, @"^/staff/reviews/\d+$", On: "/staff/reviews"),
        new("/staff/requests/{id:int}/reviews/{review}", Handler, @"^/staff/requests/\d+/reviews/\d+$", On: "/staff/requests/{id:int}"),
        new("/staff/agencies", Handler, "/staff/agencies"),
        new("/staff/agencies/{id:int}", Handler, @"^/staff/agencies/\d+$", On: "/staff/agencies"),
        new("/staff/documents", Handler, "/staff/documents"),
        new("/staff/documents/{id:int}", Handler, @"^/staff/documents/\d+$", On: "/staff/documents"),
        new("/staff/documents/{id:int}/edit", Handler, @"^/staff/documents/\d+/edit$", On: "/staff/documents/{id:int}"),
        new("/staff/documents/new", Handler, "/staff/documents/new"),
        new("/staff/documents/categories", Handler, "/staff/documents/categories"),
        new("/staff/documents/statistics", Handler, "/staff/documents/statistics"),
        new("/staff/reports", Handler, "/staff/reports"),
        new("/staff/reports/{id:int}", Handler, @"^/staff/reports/\d+$", On: "/staff/reports"),
        new("/staff/reports/{id:int}/cell/{path}", Handler, @"^/staff/reports/\d+/cell/", On: "/staff/reports/{id:int}"),
        new("/staff/reports/summary", Handler, "/staff/reports/summary"),
        new("/staff/letters", Handler, "/staff/letters"),
        new("/staff/letters/{id:int}", "ziran.chengban", @"^/staff/letters/\d+$", On: "/staff/letters"),
        new("/staff/letters/{id:int}", "ziran.fazhi", @"^/staff/letters/\d+$", On: "/staff/letters"),
        new("/staff/letters/{id:int}", "ziran.fuze", @"^/staff/letters/\d+$", On: "/staff/letters"),

        new("/staff/supervision", Supervisor, "/staff/supervision"),
        new("/staff/supervision/{id:int}", Supervisor, @"^/staff/supervision/\d+$", On: "/staff/supervision"),
        new("/staff/supervision/{id:int}/reports/{reportId:int}", Supervisor, @"^/staff/supervision/\d+/reports/\d+$", On: "/staff/supervision/{id:int}"),
        new("/staff/supervision/{id:int}/charts", Supervisor, @"/charts$", On: "/staff/supervision/{id:int}"),
        new("/staff/supervision/{id:int}/compare", Supervisor, @"/compare$", On: "/staff/supervision/{id:int}"),
        new("/staff/supervision/{id:int}/ranking", Supervisor, @"/ranking$", On: "/staff/supervision/{id:int}"),
        new("/staff/supervision/{id:int}/summary", Supervisor, @"/summary$", On: "/staff/supervision/{id:int}"),

        new("/admin", Admin, "/admin"),
        new("/admin/agencies", Admin, "/admin/agencies"),
        new("/admin/agencies/new", Admin, "/admin/agencies/new"),
        new("/admin/agencies/{id:int}", Admin, @"^/admin/agencies/\d+$", On: "/admin/agencies"),
        new("/admin/agencies/{id:int}/letters", Admin, @"^/admin/agencies/\d+/letters$", On: "/admin/agencies/{id:int}"),
        new("/admin/users", Admin, "/admin/users"),
        new("/admin/users/new", Admin, "/admin/users/new"),
        new("/admin/users/{id:guid}", Admin, @"^/admin/users/[0-9a-f-]{36}$", On: "/admin/users"),
        new("/admin/words", Admin, "/admin/words"),
        new("/admin/words/new", Admin, "/admin/words/new"),
        new("/admin/words/{id:int}", Admin, @"^/admin/words/\d+$", On: "/admin/words"),
        new("/admin/words/import", Admin, "/admin/words/import"),
        new("/admin/audit", Admin, "/admin/audit"),
        new("/admin/calendar", Admin, "/admin/calendar"),
        new("/admin/calendar/{id:int}", Admin, @"^/admin/calendar/\d+\?year=\d+$", On: "/admin/calendar"),
        new("/admin/letters", Admin, "/admin/letters"),
        new("/admin/letters/{key}", Admin, @"^/admin/letters/[^/?]+$", On: "/admin/letters"),
        new("/admin/import", Admin, "/admin/import"),
        new("/admin/sign-in", Admin, "/admin/sign-in"),
    ];

    /// <summary>Routes with no page of their own to look at, and why.</summary>
    private static readonly Dictionary<string, string> Excused = new()
    {
        ["/account/login-2fa"] = "only between the password and the code of an account with two-factor sign-in on; without that state it redirects to the login page, which is visited",
        ["/account/logout"] = "a POST that signs out and redirects",
        ["/preferences/text-size"] = "sets the large-text cookie and redirects; the large-text pass below looks at the pages in that mode",
        ["/requests/submitted"] = "shows the tracking code once after a real submission (TempData); RequestJourneyTests submits and reads it",
        ["/documents/{**number}"] = "redirects an index number to /documents/{id}, which is visited",
        ["/documents/{id:int}/files/{attachmentId:int}"] = "a file download, not a page",
        ["/staff/documents/{id:int}/files/{attachmentId:int}"] = "a file download, not a page",
        ["/reports/{id:int}/download/{format}"] = "a file download (PDF, Word, CSV, JSON), not a page",
        ["/staff/supervision/{id:int}/export"] = "a file download (Excel, CSV, Word), not a page",
        ["/staff/supervision/{id:int}/reports/{reportId:int}/file"] = "the uploaded original, a file download",
        ["/admin/audit/export"] = "a file download (CSV), not a page",
        ["/admin/words/export"] = "a file download (CSV), not a page",
    };

    [Fact]
    public void EveryRoutablePage_IsVisitedOrExcused()
    {
        var routes = PageRoutes();
        routes.Count.ShouldBeGreaterThan(50);
        var listed = Visits.Select(v => v.Route).Concat(Excused.Keys).ToHashSet(StringComparer.Ordinal);
        routes.Where(r => !listed.Contains(r)).ShouldBeEmpty("pages neither visited nor excused");
        listed.Where(r => !routes.Contains(r)).ShouldBeEmpty("listed routes no page has");
    }

    [Fact]
    public async Task EveryPage_AtDesktopAndPhoneWidths_HasNoLayoutFaultsAndNoAccessibilityViolations()
    {
        var sessions = new Dictionary<string, IPage>(StringComparer.Ordinal);
        var problems = await LookAsync(Visits, async who => sessions.TryGetValue(who, out var page) ? page : sessions[who] = await SignedInAsync(who), largeText: false);
        problems.ShouldBeEmpty(string.Join('\n', problems));
    }

    /// <summary>大字版 (the cookie the layout's toggle sets): the public pages still fit the desktop and the phone.</summary>
    [Fact]
    public async Task PublicPages_InLargeText_HaveNoLayoutFaults()
    {
        var page = await browser.NewPageAsync(fixture.Server.BaseUrl);
        await page.Context.AddCookiesAsync([new Cookie { Name = "gongkai.text", Value = "large", Url = fixture.Server.BaseUrl }]);
        var problems = await LookAsync(Visits.Where(v => v.Who == Public), _ => Task.FromResult(page), largeText: true);
        problems.ShouldBeEmpty(string.Join('\n', problems));
    }

    /// <summary>The glyph check can fail: a character outside every installed font (CJK Extension B) is reported, common ones are not.</summary>
    [Fact]
    public async Task GlyphCheck_ACharacterNoFontHas_IsReported()
    {
        var page = await browser.NewPageAsync(fixture.Server.BaseUrl);
        await page.GotoAsync("/guide");
        (await PageInspection.MissingGlyphsAsync(page, "政府信息公开，“依申请”。\U00020000")).ShouldBe(["\U00020000"]);
    }

    /// <summary>
    /// Visits the pages one after another at each width, each in the session of its person: a
    /// screenshot, the layout checks, and axe-core (in 大字版 the layout checks alone). The faults, one line each.
    /// </summary>
    private async Task<List<string>> LookAsync(IEnumerable<Visit> visits, Func<string, Task<IPage>> sessionOf, bool largeText)
    {
        var problems = new List<string>();
        var links = new Links();
        var (load, screenshot, layout, axe) = (new Stopwatch(), new Stopwatch(), new Stopwatch(), new Stopwatch());
        var count = 0;
        foreach (var visit in visits)
        {
            var page = await sessionOf(visit.Who);
            var who = largeText ? visit.Who + ", 大字版" : visit.Who;
            if (await links.AddressAsync(page, visit) is not { } address)
            {
                problems.Add($"{visit.Route} ({who}): no link matching {visit.Address} on {visit.On}");
                continue;
            }
            count++;
            foreach (var width in Widths)
            {
                load.Start();
                await page.SetViewportSizeAsync(width, 900);
                var response = await page.GotoAsync(address);
                load.Stop();
                if (response?.Status != visit.Status)
                {
                    problems.Add($"{address} ({who}): status {response?.Status}, expected {visit.Status}");
                    break;
                }
                if (largeText && !address.EndsWith("/print", StringComparison.Ordinal)) // the print layout keeps the printed size
                    await Expect(page.Locator("html")).ToHaveClassAsync("text-large");
                var path = ScreenshotPath(visit, address, width, largeText ? "large-" : "");
                await Timed(screenshot, () => page.ScreenshotAsync(new() { Path = path, FullPage = true, Type = ScreenshotType.Jpeg, Quality = 85 }));
                var found = await Timed(layout, () => PageInspection.LayoutAsync(page));
                if (!largeText)
                    found = [.. found, .. await Timed(axe, () => PageInspection.AccessibilityAsync(page))];
                problems.AddRange(found.Select(p => $"{address} ({who}, {width} px): {p}"));
            }
            await links.KeepAsync(page, visit);
        }
        output.WriteLine($"{count} pages at {Widths.Length} widths{(largeText ? " in 大字版" : "")}: loading {load.Elapsed.TotalSeconds:F0} s, " +
            $"screenshots {screenshot.Elapsed.TotalSeconds:F0} s, layout checks {layout.Elapsed.TotalSeconds:F0} s, axe-core {axe.Elapsed.TotalSeconds:F0} s");
        return problems;
    }

    private async Task<IPage> SignedInAsync(string who)
    {
        var page = await browser.NewPageAsync(fixture.Server.BaseUrl);
        await PageInspection.AddAxeAsync(page.Context);
        if (who == Public)
            return page;
        await page.GotoAsync("/account/login");
        await page.GetByLabel("用户名").FillAsync(who);
        await page.GetByLabel("密码").FillAsync(who == Admin ? fixture.Server.AdminPassword : DemoPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "登录", Exact = true }).ClickAsync();
        if (who == Admin)
        {
            await Expect(page).ToHaveURLAsync(new Regex("/account/change-password"));
            await page.GetByLabel("当前密码（必填）", new() { Exact = true }).FillAsync(fixture.Server.AdminPassword);
            await page.GetByLabel("新密码（必填）", new() { Exact = true }).FillAsync("Admin-Password-2026");
            await page.GetByLabel("再次输入新密码（必填）", new() { Exact = true }).FillAsync("Admin-Password-2026");
            await page.GetByRole(AriaRole.Button, new() { Name = "修改密码" }).ClickAsync();
        }
        await Expect(page).ToHaveURLAsync(new Regex("/staff$|/requests/mine$|/$"));
        return page;
    }

    private static async Task<T> Timed<T>(Stopwatch watch, Func<Task<T>> action)
    {
        watch.Start();
        try { return await action(); }
        finally { watch.Stop(); }
    }

    /// <summary>
    /// The addresses the visits found and the links on the pages just looked at (by whom: each
    /// person sees links of their own), so that a visit that follows a link reads it from the page it
    /// was on (the latest visit of that route).
    /// </summary>
    private sealed class Links
    {
        private readonly Dictionary<string, string> addresses = new(StringComparer.Ordinal);
        private readonly Dictionary<string, string[]> hrefs = new(StringComparer.Ordinal);

        public async Task<string?> AddressAsync(IPage page, Visit visit)
        {
            if (visit.On is null)
                return addresses[visit.Route] = visit.Address;
            var on = addresses.GetValueOrDefault(visit.On, visit.On);
            if (!hrefs.TryGetValue(visit.Who + " " + on, out var found))
            {
                await page.GotoAsync(on);
                found = hrefs[visit.Who + " " + on] = await HrefsAsync(page);
            }
            return found.FirstOrDefault(h => Regex.IsMatch(h, visit.Address)) is { } address ? addresses[visit.Route] = address : null;
        }

        public async Task KeepAsync(IPage page, Visit visit) => hrefs[visit.Who + " " + addresses[visit.Route]] = await HrefsAsync(page);

        private static async Task<string[]> HrefsAsync(IPage page) =>
            await page.Locator("a[href]").EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))");
    }

    private static string ScreenshotPath(Visit visit, string address, int width, string prefix)
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "screenshots", "every-page");
        Directory.CreateDirectory(folder);
        var name = SafeName().Replace(address.Trim('/'), "-") is { Length: > 0 } n ? n : "home";
        return Path.Combine(folder, $"{prefix}{visit.Who}-{name}-{width}.jpg");
    }

    /// <summary>
    /// The route of every Razor Page under src/Gongkai.Web/Pages (its @page template, or its folder and
    /// name) and of the pages written without Razor in the same layout.
    /// </summary>
    private static HashSet<string> PageRoutes()
    {
        var root = Path.Combine(typeof(WebServer).Assembly.GetCustomAttributes(typeof(System.Reflection.AssemblyMetadataAttribute), false)
            .Cast<System.Reflection.AssemblyMetadataAttribute>().Single(a => a.Key == "WebContentRoot").Value!, "Pages");
        var routes = new HashSet<string>(StringComparer.Ordinal) { Web.Pages.Catalog.CatalogueListPage.Path };
        foreach (var file in Directory.EnumerateFiles(root, "*.cshtml", SearchOption.AllDirectories))
        {
            var directive = File.ReadLines(file, Encoding.UTF8).Select(l => PageDirective().Match(l)).FirstOrDefault(m => m.Success);
            if (directive is null)
                continue;
            if (directive.Groups["template"].Success)
            {
                routes.Add(directive.Groups["template"].Value);
                continue;
            }
            var relative = Path.GetRelativePath(root, file)[..^".cshtml".Length].Replace('\\', '/');
            var route = "/" + (relative.EndsWith("Index", StringComparison.Ordinal) ? relative[..^"Index".Length] : relative).TrimEnd('/');
            routes.Add(route.ToLowerInvariant() is { Length: > 1 } r ? r : "/");
        }
        return routes;
    }

    [GeneratedRegex("""^@page(\s+"(?<template>[^"]*)")?\s*$""")]
    private static partial Regex PageDirective();

    [GeneratedRegex("[^A-Za-z0-9_.-]+")]
    private static partial Regex SafeName();
}
