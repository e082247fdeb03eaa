using System.Globalization;
using Gongkai.Core;
using Gongkai.Core.Accounts;
using Gongkai.Core.Files;
using Gongkai.Core.Requests;
using Gongkai.Core.Requests.Letters;
using Gongkai.Domain.Requests;
using Gongkai.Web.Hosting;
using Gongkai.Web.Requests;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Gongkai.Web.Api;

/// <summary>
/// /api/v1/requests: applying and following a request without the web pages. The same rules as the
/// form (Chinese messages per field, as ProblemDetails), rate-limited per client like the public
/// forms, tracking locked per 查询码 after wrong answers, and a JSON body rather than a form, so
/// cross-site forms cannot post here and antiforgery does not apply.
/// </summary>
public static class PublicRequestsApi
{
    public sealed record AttachmentUpload(AttachmentKind Kind, string FileName, string ContentBase64);

    public sealed record SubmitBody(RequestInput Application, IReadOnlyList<AttachmentUpload>? Attachments);

    public sealed record Submitted(string TrackingCode, string Number, RequestStatus Status, string Message);

    public sealed record TrackBody(string Code, string Factor);

    public sealed record LetterBody(string Code, string Factor, int LetterId, string Format);

    private const string NotFoundMessage = "查询码或验证信息不正确。";

    public static void MapPublicRequestsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/requests").WithTags("依申请公开").RequireRateLimiting(RateLimits.PublicForms).DisableAntiforgery()
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status429TooManyRequests);

        api.MapPost("/", async Task<Results<Created<Submitted>, ProblemHttpResult>> (SubmitBody body, RequestIntake intake, CurrentUser me,
            CancellationToken cancellationToken) =>
        {
            if (body.Application is null)
                return ApiProblems.Of(StatusCodes.Status400BadRequest, "请提交申请内容（application）。");
            var uploads = new List<Upload>();
            foreach (var a in body.Attachments ?? [])
            {
                if (a?.ContentBase64 is not { } content || Decode(content) is not { } bytes)
                    return ApiProblems.Invalid([new FieldError(a?.Kind.ToString() ?? "Attachments", $"附件“{a?.FileName}”的内容不是有效的 Base64 编码。")]);
                uploads.Add(new Upload(new MemoryStream(bytes), a.FileName ?? "", a.Kind));
            }
            var applicant = me.Roles.Contains(Roles.Applicant) ? me.Id : null;
            var result = await intake.SubmitAsync(body.Application, uploads, applicant, me.Actor, cancellationToken);
            if (result.Value is not { } request)
                return ApiProblems.Invalid(result.Errors);
            return TypedResults.Created($"/track", new Submitted(request.TrackingCode, request.Number, request.Status,
                "申请已提交。请保存查询码，凭查询码和手机号码后四位（或申请人姓名）查询办理进度。受理机关确认收到后开始计算答复期限。"));
        }).WithName("SubmitRequest").WithSummary("提交政府信息公开申请（条例第二十九条）；返回查询码").ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity);

        api.MapPost("/track", async Task<Results<Ok<RequestViews.TrackedRequest>, ProblemHttpResult>> (TrackBody body, RequestTracking tracking,
            RequestCases cases, HttpContext context, CancellationToken cancellationToken) =>
        {
            var found = await tracking.TrackAsync(body.Code, body.Factor, cancellationToken);
            if (found.Request is not { } request)
                return Refused(found, context);
            return TypedResults.Ok(RequestViews.Tracked(await cases.ForApplicantAsync(request.Id, cancellationToken), found.Notice));
        }).WithName("TrackRequest").WithSummary("凭查询码和验证信息（手机号码后四位或申请人姓名）查询办理进度、答复期限、留言和文书；连续答错将暂停该查询码的查询")
          .ProducesProblem(StatusCodes.Status404NotFound);

        api.MapPost("/track/letter", async Task<Results<FileStreamHttpResult, ProblemHttpResult>> (LetterBody body, RequestTracking tracking,
            LetterService letters, FileStore files, RequestCommands commands, HttpContext context, CancellationToken cancellationToken) =>
        {
            var found = await tracking.TrackAsync(body.Code, body.Factor, cancellationToken);
            if (found.Request is not { } request)
                return Refused(found, context);
            var letter = await letters.ForApplicantAsync(request.Id, body.LetterId, cancellationToken);
            if (letter is null)
                return ApiProblems.Of(StatusCodes.Status404NotFound, "文书不存在。");
            var file = await letters.FileAsync(letter, "pdf", cancellationToken);
            // Opening a letter online is its electronic delivery when the applicant chose 在线获取.
            await commands.ApplicantOpenedLetterAsync(request.Id, letter.Id,
                new Core.Audit.AuditActor(null, $"申请人（凭查询码，申请 {request.Number}）", Hosting.CurrentUser.ClientIp(context)), cancellationToken);
            return TypedResults.File(await files.OpenReadAsync(file, cancellationToken), file.ContentType, file.FileName);
        }).WithName("DownloadLetter").WithSummary("下载答复书等文书的 PDF 原件（加盖印章，印有文号和验证码，可在 /verify 核验）").ProducesProblem(StatusCodes.Status404NotFound);
    }

    /// <summary>An unknown code and a wrong factor are the same 404; a locked code is 429 until it opens.</summary>
    private static ProblemHttpResult Refused(TrackingResult found, HttpContext context)
    {
        if (found.LockedUntil is not { } until)
            return ApiProblems.Of(StatusCodes.Status404NotFound, NotFoundMessage);
        context.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling((until - DateTime.UtcNow).TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        return ApiProblems.Of(StatusCodes.Status429TooManyRequests, TrackingMessages.Locked(until));
    }

    private static byte[]? Decode(string base64)
    {
        var bytes = new byte[base64.Length * 3 / 4 + 3];
        return Convert.TryFromBase64String(base64, bytes, out var length) ? bytes[..length] : null;
    }
}
