using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Web.Pages;

/// <summary>
/// The filters of the public lists (/search, /catalog, /reports): ids are positive, years plausible,
/// pages counted from 1. Anything else — typed or tampered with — is answered 400 with a Chinese
/// message on the error page, never passed on to a query.
/// </summary>
public static class Filters
{
    public const string Invalid = "筛选条件无效：机关、分类等须为页面列出的选项，年度须在1949年至2100年之间，页码须为正整数。";

    public static bool Valid(int? agency = null, int? category = null, int? year = null, int? page = null) =>
        agency is null or > 0 && category is null or > 0 && year is null or (>= 1949 and <= 2100) && page is null or (>= 1 and <= 100_000);

    /// <summary>The 400 error page saying <see cref="Invalid"/>.</summary>
    public static IActionResult Refused(PageModel page)
    {
        page.HttpContext.Items[ErrorModel.DetailKey] = Invalid;
        return page.BadRequest();
    }

    /// <summary>The same for a page written without Razor: the status code pages show the error page.</summary>
    public static void Refuse(HttpContext context)
    {
        context.Items[ErrorModel.DetailKey] = Invalid;
        context.Response.StatusCode = StatusCodes.Status400BadRequest;
    }
}
