using System.Text.Encodings.Web;
using Gongkai.Core.Accounts;
using Gongkai.Web.Hosting;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.Extensions.Options;

namespace Gongkai.Web.Pages;

/// <summary>
/// What the layout shows around a page: the site's name, the text size, whom it is for (the account
/// links, the staff menu) and where the page is (the menu item marked current, "return to").
/// </summary>
public sealed record LayoutView(string Title, string SiteName, bool Large, string Path, string ReturnUrl, string Search, CurrentUser Me,
    string? LogoutToken, string SiteCss, string RequestsCss)
{
    public bool StaffArea { get; } = Path.StartsWith("/staff", StringComparison.OrdinalIgnoreCase) || Path.StartsWith("/admin", StringComparison.OrdinalIgnoreCase);

    public static LayoutView For(HttpContext context, string title)
    {
        var services = context.RequestServices;
        var me = services.GetRequiredService<CurrentUser>();
        // On an error page re-executed for a status code, links and "return to" refer to the page asked for.
        var reExecuted = context.Features.Get<IStatusCodeReExecuteFeature>();
        var versions = services.GetRequiredService<IFileVersionProvider>();
        var pathBase = context.Request.PathBase;
        string Versioned(string file) => versions.AddFileVersionToPath(pathBase, pathBase.Value + file);
        return new LayoutView(
            title,
            services.GetRequiredService<IOptions<GongkaiOptions>>().Value.SiteName,
            context.Request.Cookies[TextSize.CookieName] == TextSize.Large,
            reExecuted?.OriginalPath ?? context.Request.Path.Value ?? "/",
            reExecuted is null ? context.Request.Path + context.Request.QueryString : "/",
            context.Request.Query["q"].ToString(),
            me,
            me.IsSignedIn ? services.GetRequiredService<IAntiforgery>().GetAndStoreTokens(context).RequestToken : null,
            Versioned("/css/site.css"),
            Versioned("/css/requests.css"));
    }

    /// <summary>"page" for the menu item of the part of the site this page is in.</summary>
    public string Current(string prefix) =>
        (prefix == "/" ? Path == "/" : Path.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)) ? "page" : "false";
}

/// <summary>
/// The layout every page shares, in three parts around a page's own styles and content: Razor pages
/// get it through _Layout.cshtml, pages written without Razor (<see cref="CatalogueListPage"/>) call it.
/// </summary>
public static class SiteLayout
{
    /// <summary>From the doctype to where a page's own styles go.</summary>
    public static void Head(HtmlWriter w, LayoutView view)
    {
        w.Raw(view.Large ? "<!DOCTYPE html>\n<html lang=\"zh-CN\" class=\"text-large\">\n"u8 : "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n"u8);
        w.Raw("<head>\n    <meta charset=\"utf-8\">\n    <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n    <title>"u8);
        w.Text(view.Title);
        w.Raw(" - "u8);
        w.Text(view.SiteName);
        w.Raw("</title>\n    <link rel=\"stylesheet\" href=\""u8);
        w.Text(view.SiteCss);
        w.Raw("\">\n    <link rel=\"stylesheet\" href=\""u8);
        w.Text(view.RequestsCss);
        w.Raw("\">\n    <link rel=\"icon\" href=\"/favicon.svg\" type=\"image/svg+xml\">\n"u8);
    }

    /// <summary>From the end of the head to the start of the page's content: the account links, the masthead with search, the menu.</summary>
    public static void Top(HtmlWriter w, LayoutView view)
    {
        var me = view.Me;
        w.Raw("</head>\n<body>\n    <a class=\"skip-link\" href=\"#main\">跳到主要内容</a>\n    <div class=\"topbar\">\n        <div class=\"wrap topbar-inner\">\n"u8);
        // A GET form: a display preference needs no token, so public pages stay the same for every visitor and can be cached.
        w.Raw("            <form method=\"get\" action=\"/preferences/text-size\" class=\"inline-form\">\n                <input type=\"hidden\" name=\"returnUrl\" value=\""u8);
        w.Text(view.ReturnUrl);
        w.Raw(view.Large
            ? "\">\n                <input type=\"hidden\" name=\"size\" value=\"normal\">\n                <button type=\"submit\" class=\"link-button\">标准字号</button>\n"u8
            : "\">\n                <input type=\"hidden\" name=\"size\" value=\"large\">\n                <button type=\"submit\" class=\"link-button\">大字版（适老化）</button>\n"u8);
        w.Raw("            </form>\n            <nav aria-label=\"账号\" class=\"account-nav\">\n"u8);
        if (me.IsSignedIn)
        {
            w.Raw("                <span>"u8);
            w.Text(me.DisplayName);
            w.Raw("</span>\n"u8);
            if (me.Roles.Any(r => Roles.Staff.Contains(r))) w.Raw("                <a href=\"/staff\">工作台</a>\n"u8);
            if (me.Roles.Contains(Roles.Applicant)) w.Raw("                <a href=\"/requests/mine\">我的申请</a>\n"u8);
            w.Raw("                <a href=\"/account/security\">账号安全</a>\n                <form method=\"post\" action=\"/account/logout\" class=\"inline-form\">\n"u8);
            w.Raw("                    <button type=\"submit\" class=\"link-button\">退出</button>\n                    <input name=\"__RequestVerificationToken\" type=\"hidden\" value=\""u8);
            w.Text(view.LogoutToken);
            w.Raw("\">\n                </form>\n"u8);
        }
        else
        {
            w.Raw("                <a href=\"/account/login\">登录</a>\n                <a href=\"/account/register\">注册</a>\n"u8);
        }
        w.Raw("            </nav>\n        </div>\n    </div>\n    <header class=\"masthead\">\n        <div class=\"wrap masthead-inner\">\n            <a class=\"site-name\" href=\"/\">"u8);
        w.Text(view.SiteName);
        w.Raw("</a>\n            <form method=\"get\" action=\"/search\" role=\"search\" class=\"search-form\">\n"u8);
        w.Raw("                <label for=\"site-search\" class=\"visually-hidden\">搜索政府信息</label>\n                <input id=\"site-search\" type=\"search\" name=\"q\" value=\""u8);
        w.Text(view.Search);
        w.Raw("\" placeholder=\"搜索政府信息、机关\">\n                <button type=\"submit\">搜索</button>\n            </form>\n        </div>\n    </header>\n"u8);
        if (view.StaffArea && me.IsSignedIn)
        {
            w.Raw("    <nav class=\"mainnav staffnav\" aria-label=\"工作台\">\n        <ul class=\"wrap\">\n"u8);
            MenuItem(w, "/staff", view.Path.Equals("/staff", StringComparison.OrdinalIgnoreCase) ? "page" : "false", "工作台");
            MenuItem(w, view, "/staff/requests", "依申请公开");
            if (me.Roles.Any(r => r is Roles.Handler or Roles.OfficeHead or Roles.LegalReviewer)) MenuItem(w, view, "/staff/letters", "文书签发");
            MenuItem(w, view, "/staff/reviews", "复议诉讼");
            MenuItem(w, view, "/staff/agencies", "机关");
            MenuItem(w, view, "/staff/documents", "主动公开");
            MenuItem(w, view, "/staff/reports", "年度报告");
            if (me.Roles.Contains(Roles.Supervisor)) MenuItem(w, view, "/staff/supervision", "年报检查");
            if (me.Roles.Contains(Roles.Admin))
            {
                MenuItem(w, view, "/admin/agencies", "机关管理");
                MenuItem(w, view, "/admin/users", "账号管理");
                MenuItem(w, view, "/admin/words", "错敏词");
                MenuItem(w, view, "/admin/audit", "审计日志");
                MenuItem(w, view, "/admin/calendar", "工作日日历");
                MenuItem(w, view, "/admin/letters", "文书模板");
            }
            w.Raw("            <li><a href=\"/\">返回门户</a></li>\n"u8);
        }
        else
        {
            w.Raw("    <nav class=\"mainnav\" aria-label=\"主导航\">\n        <ul class=\"wrap\">\n"u8);
            MenuItem(w, view, "/", "首页");
            MenuItem(w, view, "/guide", "政府信息公开指南");
            MenuItem(w, view, "/catalog", "主动公开目录");
            MenuItem(w, "/requests/new", view.Current("/requests"), "依申请公开");
            MenuItem(w, view, "/track", "申请查询");
            MenuItem(w, view, "/reports", "年度报告");
        }
        w.Raw("        </ul>\n    </nav>\n    <main id=\"main\" class=\"wrap\" tabindex=\"-1\">\n"u8);
    }

    /// <summary>From the end of the page's content to the end.</summary>
    public static void Bottom(HtmlWriter w) => w.Raw("""

            </main>
            <footer class="footer">
                <div class="wrap">
                    <p>本平台依据《中华人民共和国政府信息公开条例》建设，提供政府信息主动公开、依申请公开和年度报告查询服务。</p>
                    <p><a href="/guide">公开指南</a> · <a href="/verify">文书核验</a> · <a href="/open-data">数据开放</a> · <a href="/openapi/v1.json">开放接口</a> · <a href="/account/login">工作人员登录</a></p>
                </div>
            </footer>
        </body>
        </html>

        """u8);

    /// <summary><see cref="Head"/> for the Razor layout.</summary>
    public static IHtmlContent HeadContent(HttpContext context, LayoutView view) => HtmlWriter.Content(Encoder(context), w => Head(w, view));

    /// <summary><see cref="Top"/> for the Razor layout.</summary>
    public static IHtmlContent TopContent(HttpContext context, LayoutView view) => HtmlWriter.Content(Encoder(context), w => Top(w, view));

    /// <summary><see cref="Bottom"/> for the Razor layout.</summary>
    public static IHtmlContent BottomContent(HttpContext context) => HtmlWriter.Content(Encoder(context), Bottom);

    private static void MenuItem(HtmlWriter w, LayoutView view, string href, string label) => MenuItem(w, href, view.Current(href), label);

    private static void MenuItem(HtmlWriter w, string href, string current, string label)
    {
        w.Raw("            <li><a href=\""u8);
        w.Raw(href);
        w.Raw("\" aria-current=\""u8);
        w.Raw(current);
        w.Raw("\">"u8);
        w.Raw(label);
        w.Raw("</a></li>\n"u8);
    }

    private static HtmlEncoder Encoder(HttpContext context) => context.RequestServices.GetRequiredService<HtmlEncoder>();
}
