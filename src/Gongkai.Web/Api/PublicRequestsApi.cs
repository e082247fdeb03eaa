using Gongkai.Core;
using Gongkai.Core.Accounts;
using Gongkai.Core.Files;
using Gongkai.Core.Requests;
using Gongkai.Core.Requests.Letters;
using Gongkai.Core.Storage;
using Gongkai.Domain.Requests;
using Gongkai.Web.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Api;

/// <summary>
/// /api/v1/requests: applying and following a request without the web pages. The same rules as the
/// form (Chinese messages per field), rate-limited per client address like the public forms, and a
/// JSON body rather than a form, so cross-site forms cannot post here and antiforgery does not apply.
/// </summary>
public static class PublicRequestsApi
{
    public sealed record AttachmentUpload(AttachmentKind Kind, string FileName, string ContentBase64);

    public sealed record SubmitBody(RequestInput Application, IReadOnlyList<AttachmentUpload>? Attachments);

    public sealed record Submitted(string TrackingCode, string Number, RequestStatus Status, string Message);

    public sealed record Errors(IReadOnlyList<FieldError> Items);

    public sealed record TrackBody(string Code, string Factor);

    public sealed record LetterBody(string Code, string Factor, int LetterId, string Format);

    private static readonly Errors NotFoundMessage = new([new FieldError("Code", "查询码或验证信息不正确。")]);

    public static void MapPublicRequestsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/requests").WithTags("依申请公开");

        api.MapPost("/", async Task<Results<Created<Submitted>, UnprocessableEntity<Errors>>> (SubmitBody body, RequestIntake intake, CurrentUser me,
            CancellationToken cancellationToken) =>
        {
            var uploads = new List<Upload>();
            foreach (var a in body.Attachments ?? [])
            {
                var bytes = new byte[a.ContentBase64.Length * 3 / 4 + 3];
                if (!Convert.TryFromBase64String(a.ContentBase64, bytes, out var length))
                    return TypedResults.UnprocessableEntity(new Errors([new FieldError(a.Kind.ToString(), $"附件“{a.FileName}”的内容不是有效的 Base64 编码。")]));
                uploads.Add(new Upload(new MemoryStream(bytes, 0, length), a.FileName, a.Kind));
            }
            var applicant = me.Roles.Contains(Roles.Applicant) ? me.Id : null;
            var result = await intake.SubmitAsync(body.Application, uploads, applicant, me.Actor, cancellationToken);
            if (result.Value is not { } request)
                return TypedResults.UnprocessableEntity(new Errors(result.Errors));
            return TypedResults.Created($"/track", new Submitted(request.TrackingCode, request.Number, request.Status,
                "申请已提交。请保存查询码，凭查询码和手机号码后四位（或申请人姓名）查询办理进度。受理机关确认收到后开始计算答复期限。"));
        }).WithName("SubmitRequest").WithSummary("提交政府信息公开申请（条例第二十九条）；返回查询码").DisableAntiforgery();

        api.MapPost("/track", async Task<Results<Ok<RequestViews.TrackedRequest>, NotFound<Errors>>> (TrackBody body, RequestTracking tracking,
            RequestCases cases, CancellationToken cancellationToken) =>
        {
            var request = await tracking.FindAsync(body.Code, body.Factor, cancellationToken);
            if (request is null)
                return TypedResults.NotFound(NotFoundMessage);
            return TypedResults.Ok(RequestViews.Tracked(await cases.ForApplicantAsync(request.Id, cancellationToken)));
        }).WithName("TrackRequest").WithSummary("凭查询码和验证信息（手机号码后四位或申请人姓名）查询办理进度、答复期限、留言和文书").DisableAntiforgery();

        api.MapPost("/track/letter", async Task<Results<FileStreamHttpResult, NotFound<Errors>>> (LetterBody body, RequestTracking tracking,
            GongkaiDbContext db, LetterService letters, FileStore files, RequestCommands commands, HttpContext http, CancellationToken cancellationToken) =>
        {
            var request = await tracking.FindAsync(body.Code, body.Factor, cancellationToken);
            var letter = request is null ? null : await db.RequestLetters.AsNoTracking()
                .SingleOrDefaultAsync(l => l.Id == body.LetterId && l.RequestId == request.Id && l.ForApplicant, cancellationToken);
            if (letter is null)
                return TypedResults.NotFound(NotFoundMessage);
            var file = await LetterFiles.FileAsync(letter, "pdf", db, letters, cancellationToken);
            // Opening a letter online is its electronic delivery when the applicant chose 在线获取.
            await commands.ApplicantOpenedLetterAsync(request!.Id, letter.Id,
                new Core.Audit.AuditActor(null, $"申请人（凭查询码，申请 {request.Number}）", Hosting.CurrentUser.ClientIp(http)), cancellationToken);
            return TypedResults.File(files.OpenRead(file), file.ContentType, file.FileName);
        }).WithName("DownloadLetter").WithSummary("下载答复书等文书的 PDF 原件（加盖印章，印有文号和验证码，可在 /verify 核验）").DisableAntiforgery();
    }
}

public static class LetterFiles
{
    /// <summary>The letter's DOCX, or its PDF (printed on first request).</summary>
    public static async Task<StoredFile> FileAsync(RequestLetter letter, string? format, GongkaiDbContext db, LetterService letters,
        CancellationToken cancellationToken) =>
        string.Equals(format, "pdf", StringComparison.OrdinalIgnoreCase)
            ? await letters.PdfAsync(letter, cancellationToken)
            : await db.StoredFiles.AsNoTracking().SingleAsync(f => f.Id == letter.DocxFileId, cancellationToken);
}
