using Gongkai.Core.Security;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Metadata;

namespace Gongkai.Web.Hosting;

/// <summary>
/// Every error answer in Chinese, never a stack trace: pages re-execute /error, the API answers
/// ProblemDetails (<see cref="Problems"/>). A request the server refuses to read (a body too large,
/// a malformed one) keeps its own status, so an oversized upload says 文件过大 (413) and not 系统出错.
/// </summary>
public static class ErrorResponses
{
    /// <summary>The largest request body outside the endpoints that allow more: a 20 MB upload and its form.</summary>
    public const long MaxBodyBytes = UploadInspector.DefaultMaxBytes + 2 * 1024 * 1024;

    public static void UseErrorResponses(this WebApplication app)
    {
        app.UseWhen(context => Problems.IsApi(context.Request), api =>
        {
            api.UseExceptionHandler(new ExceptionHandlerOptions { StatusCodeSelector = StatusOf });
            api.UseStatusCodePages();
        });
        app.UseWhen(context => !Problems.IsApi(context.Request), pages =>
        {
            if (!app.Environment.IsDevelopment())
                pages.UseExceptionHandler(new ExceptionHandlerOptions { ExceptionHandlingPath = "/error", StatusCodeSelector = StatusOf });
            pages.UseStatusCodePagesWithReExecute("/error", "?code={0}");
        });
    }

    /// <summary>
    /// After routing: a body announced larger than the endpoint accepts is refused with 413 before a
    /// byte of it is read. (A body sent without its length is stopped by the server at the same limit.)
    /// </summary>
    public static void UseBodySizeLimit(this WebApplication app) => app.Use(async (context, next) =>
    {
        var limit = context.GetEndpoint()?.Metadata.GetMetadata<IRequestSizeLimitMetadata>()?.MaxRequestBodySize ?? MaxBodyBytes;
        // The error page re-executed for the refused request must not refuse it again.
        if (context.Request.ContentLength > limit && context.Features.Get<IStatusCodeReExecuteFeature>() is null)
        {
            context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            return;
        }
        await next(context);
    });

    private static int StatusOf(Exception exception) => exception switch
    {
        BadHttpRequestException bad => bad.StatusCode,
        Microsoft.AspNetCore.Antiforgery.AntiforgeryValidationException => StatusCodes.Status400BadRequest,
        InvalidDataException => StatusCodes.Status413PayloadTooLarge,
        _ => StatusCodes.Status500InternalServerError,
    };
}
