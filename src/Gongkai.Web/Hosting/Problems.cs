using Microsoft.AspNetCore.Mvc;

namespace Gongkai.Web.Hosting;

/// <summary>
/// The API's errors as ProblemDetails (RFC 9457, application/problem+json) with Chinese titles and
/// messages: the framework's own (a body that is not JSON, a route that does not exist, a body too
/// large) and the use cases' field errors alike.
/// </summary>
public static class Problems
{
    public static bool IsApi(HttpRequest request) => request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase);

    public static string Title(int status) => status switch
    {
        400 => "请求无效",
        401 => "须先登录",
        403 => "无权访问",
        404 => "未找到",
        405 => "请求方式不支持",
        409 => "数据已被他人更新",
        413 => "文件过大",
        415 => "请求内容类型不支持",
        422 => "提交的内容有误",
        429 => "请求过于频繁",
        >= 500 => "系统出错",
        _ => "请求无效",
    };

    /// <summary>What to tell when nothing more precise is known.</summary>
    public static string Detail(int status) => status switch
    {
        400 => "请求内容无法读取：须为有效的 JSON，并包含必填项，取值须在允许范围内。",
        401 => "请先登录后再访问。",
        403 => "您没有进行此操作的权限。",
        404 => "请求的资源不存在。",
        405 => "此地址不支持这种请求方式。",
        413 => "文件过大：上传的内容超过了允许的大小。",
        415 => "请以 application/json 格式提交请求内容。",
        429 => RateLimits.Message,
        >= 500 => "系统暂时无法处理您的请求，请稍后再试。",
        _ => Title(status) + "。",
    };

    /// <summary>Chinese title and, where the framework gave none in Chinese, detail for every ProblemDetails the app writes.</summary>
    public static void Customize(ProblemDetailsContext context)
    {
        var status = context.ProblemDetails.Status ?? context.HttpContext.Response.StatusCode;
        context.ProblemDetails.Title = Title(status);
        if (context.ProblemDetails.Detail is not { } detail || !detail.Any(c => c >= '\u4e00' && c <= '\u9fff'))
            context.ProblemDetails.Detail = Detail(status);
    }

    public static async Task WriteAsync(HttpContext context, int status, string? detail = null)
    {
        context.Response.StatusCode = status;
        var problems = context.RequestServices.GetRequiredService<IProblemDetailsService>();
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = new ProblemDetails { Status = status, Detail = detail },
        });
    }
}
