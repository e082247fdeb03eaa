using Gongkai.Core;
using Gongkai.Core.Requests;
using Gongkai.Web.Hosting;
using Gongkai.Web.Requests;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Gongkai.Web.Api;

/// <summary>
/// /api/v1/staff: the queue, a case and its steps, for staff signed in with the site's cookie. Every
/// change carries the antiforgery token (from GET /api/v1/staff/antiforgery) in the
/// RequestVerificationToken header, and the request's version: a stale version is 409.
/// </summary>
public static class StaffRequestsApi
{
    public sealed record AntiforgeryToken(string HeaderName, string Token);

    private const int MaxPage = 10_000;

    public static void MapStaffRequestsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/staff").WithTags("工作人员").RequireAuthorization(Policies.Staff);

        api.MapGet("/antiforgery", (IAntiforgery antiforgery, HttpContext context) =>
        {
            var tokens = antiforgery.GetAndStoreTokens(context);
            return TypedResults.Ok(new AntiforgeryToken(tokens.HeaderName!, tokens.RequestToken!));
        }).WithName("GetAntiforgeryToken").WithSummary("取得修改操作所需的防伪令牌（放在请求头中）");

        api.MapGet("/requests", async Task<Results<Ok<QueuePage>, ProblemHttpResult>> (QueueView? view, string? q, bool? mine, int? page, CurrentUser me,
            RequestQueue queue, CancellationToken cancellationToken) =>
        {
            if (page is < 1 or > MaxPage)
                return ApiProblems.Of(StatusCodes.Status400BadRequest, "页码须在1至10000之间。");
            var actor = await me.RequestActorAsync(cancellationToken);
            var result = await queue.ListAsync(actor, new QueueFilter
            {
                View = view ?? QueueView.Open, Query = q, AssigneeId = mine == true ? me.Id : null, Page = page ?? 1,
            }, cancellationToken);
            return TypedResults.Ok(result);
        }).WithName("ListRequests").WithSummary("办理队列：在办申请按紧急程度排序（已超期、等待期限已过、待确认、即将到期），或已办结申请");

        api.MapGet("/requests/{id:int}", async Task<Results<Ok<RequestViews.StaffCase>, ProblemHttpResult>> (int id, CurrentUser me, RequestCases cases,
            CancellationToken cancellationToken) =>
        {
            var found = id > 0 ? await cases.FindAsync(id, await me.ScopeAsync(cancellationToken), cancellationToken) : null;
            return found is null ? NotFound() : TypedResults.Ok(RequestViews.Staff(found));
        }).WithName("GetRequest").WithSummary("一件申请：办理记录、各项期限及其计算过程、文书、可办理的下一步（个人信息已脱敏）");

        api.MapPost("/requests/{id:int}/steps", async Task<Results<Ok<RequestViews.StaffCase>, ProblemHttpResult>> (
            int id, StepInput step, CurrentUser me, RequestCommands commands, RequestCases cases, CancellationToken cancellationToken) =>
        {
            if (id <= 0)
                return NotFound();
            try
            {
                var actor = await me.RequestActorAsync(cancellationToken);
                var result = await commands.PerformAsync(id, step, actor, [], cancellationToken);
                if (result.Succeeded)
                    return TypedResults.Ok(RequestViews.Staff((await cases.FindAsync(id, actor.Scope, cancellationToken))!));
                return ApiProblems.Invalid(result.Errors, result.Errors.Any(e => e.Field == RequestCommands.ConflictField)
                    ? StatusCodes.Status409Conflict
                    : StatusCodes.Status422UnprocessableEntity);
            }
            catch (KeyNotFoundException)
            {
                return NotFound();
            }
        }).WithName("TakeRequestStep").WithSummary("办理一步（确认收到、告知补正、征求意见、延期、收费、答复、转送、送达、撤回），须带上所见的版本号；返回办理后的申请")
          .AddEndpointFilter(ValidateAntiforgery);
    }

    private static ProblemHttpResult NotFound() => ApiProblems.Of(StatusCodes.Status404NotFound, "申请不存在，或不在您的办理范围内。");

    /// <summary>JSON bodies are not checked by the antiforgery middleware; changes by cookie must be.</summary>
    private static async ValueTask<object?> ValidateAntiforgery(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var antiforgery = context.HttpContext.RequestServices.GetRequiredService<IAntiforgery>();
        try
        {
            await antiforgery.ValidateRequestAsync(context.HttpContext);
        }
        catch (AntiforgeryValidationException)
        {
            return ApiProblems.Of(StatusCodes.Status400BadRequest, "缺少或无效的防伪令牌：请先取得 /api/v1/staff/antiforgery 的令牌并放在请求头中。");
        }
        return await next(context);
    }
}
