using Gongkai.Web.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Web.Pages;

/// <summary>Every error status is shown as a page in Chinese; no stack traces or server details reach the visitor.</summary>
[IgnoreAntiforgeryToken]
[AllowBeforePasswordChange]
public sealed class ErrorModel : PageModel
{
    /// <summary>An <c>HttpContext.Items</c> key for a page that refused a request to say why on this page.</summary>
    public const string DetailKey = "Gongkai.ErrorDetail";

    public string Title { get; private set; } = "出错了";
    public string Message { get; private set; } = "";

    public void OnGet([FromQuery] int? code) => Describe(code ?? Failed);

    /// <summary>A failed POST re-executed here; the code comes from the query only, so its body (too large, say) is never read.</summary>
    public void OnPost([FromQuery] int? code) => Describe(code ?? Failed);

    /// <summary>After an exception the handler has set the status it chose (413 for a body too large).</summary>
    private int Failed => Response.StatusCode >= 400 ? Response.StatusCode : 500;

    private void Describe(int code)
    {
        Response.StatusCode = code;
        (Title, Message) = code switch
        {
            400 => ("请求无效", "提交的内容无效或页面已过期。请返回上一页，刷新后重试。"),
            403 => ("无权访问", "您没有访问此页面的权限。"),
            404 => ("页面不存在", "您访问的页面不存在，或已被移除。"),
            405 => ("请求方式不支持", "此页面不支持这种请求方式。"),
            413 => ("文件过大", "上传的文件超过了允许的大小（每个文件不超过20MB）。请压缩或拆分后重新上传。"),
            429 => ("提交过于频繁", RateLimits.Message),
            _ => ("系统出错", "系统暂时无法处理您的请求，请稍后再试。如问题持续，请联系系统管理员。"),
        };
        if (HttpContext.Items[DetailKey] is string detail)
            Message = detail;
    }
}
