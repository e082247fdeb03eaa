using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Web.Pages;

/// <summary>Every error status is shown as a page in Chinese; no stack traces or server details reach the visitor.</summary>
[IgnoreAntiforgeryToken]
public sealed class ErrorModel : PageModel
{
    public string Title { get; private set; } = "出错了";
    public string Message { get; private set; } = "";

    public void OnGet(int? code) => Describe(code ?? 500);

    public void OnPost(int? code) => Describe(code ?? 500);

    private void Describe(int code)
    {
        Response.StatusCode = code;
        (Title, Message) = code switch
        {
            400 => ("请求无效", "提交的内容无效或页面已过期。请返回上一页，刷新后重试。"),
            403 => ("无权访问", "您没有访问此页面的权限。"),
            404 => ("页面不存在", "您访问的页面不存在，或已被移除。"),
            405 => ("请求方式不支持", "此页面不支持这种请求方式。"),
            429 => ("提交过于频繁", "请稍后再试。"),
            _ => ("系统出错", "系统暂时无法处理您的请求，请稍后再试。如问题持续，请联系系统管理员。"),
        };
    }
}
