using System.Globalization;
using System.Net;
using System.Text;
using Gongkai.Core.Audit;
using Gongkai.Core.Files;
using Gongkai.Core.Requests.Letters;
using Gongkai.Core.Requests.SignOff;
using Gongkai.Core.Security;
using Gongkai.Core.Storage;
using Gongkai.Domain.Calendar;
using Gongkai.Domain.Letters;
using Gongkai.Domain.Requests;
using Gongkai.Reports.Writing;

namespace Gongkai.Core.Requests.Export;

/// <summary>The 案卷 as a file to download.</summary>
public sealed record CaseFile(string FileName, byte[] Content);

/// <summary>
/// 案卷: a request's whole file as one PDF, in the order a court reads it — a cover with the contents,
/// the application, the materials the applicant sent (PDFs as they are, images one to a page), every
/// letter as delivered (its original PDF, seal and verification code included), the office's records
/// such as delivery receipts, and the full history with every sign-off. Materials that are neither
/// PDF nor image, or that poppler cannot read, are named on the cover instead.
/// </summary>
public sealed class CaseFileExport(RequestCases cases, LetterService letters, LetterDrafts drafts, FileStore files, AuditLog audit, GongkaiDbContext db)
{
    private static readonly AttachmentKind[] Application = [AttachmentKind.IdentityProof, AttachmentKind.Authorization, AttachmentKind.Supporting, AttachmentKind.Correction];

    public async Task<Result<CaseFile>> ExportAsync(int requestId, RequestActor actor, CancellationToken cancellationToken = default)
    {
        var c = await cases.FindAsync(requestId, actor.Scope, cancellationToken) ?? throw new KeyNotFoundException($"申请 {requestId} 不存在。");
        var r = c.Request;
        if (!actor.CanHandle(r.AgencyId) && !actor.IsLegalReviewerOf(r.AgencyId))
            return Result<CaseFile>.Failure("", "只有本机关办理申请的工作人员可以导出案卷。");

        var skipped = new List<string>();
        var materials = await PartAsync(c.Attachments.Where(a => Application.Contains(a.Attachment.Kind)), "申请材料", skipped, cancellationToken);
        var records = await PartAsync(c.Attachments.Where(a => a.Attachment.Kind == AttachmentKind.OfficeRecord), "送达凭证等办理记录材料", skipped, cancellationToken);
        var issued = new List<(RequestLetter Letter, byte[] Pdf)>();
        foreach (var letter in c.Letters)
            issued.Add((letter, await ReadAsync(await letters.PdfAsync(letter, cancellationToken), cancellationToken)));
        var signOffs = await drafts.ForRequestAsync(r.Id, cancellationToken);

        var parts = new List<byte[]> { await ChromiumPdf.RenderAsync(Cover(c, materials.Count, records.Count, issued, skipped), cancellationToken: cancellationToken) };
        parts.AddRange(materials);
        parts.AddRange(issued.Select(i => i.Pdf));
        parts.AddRange(records);
        parts.Add(await ChromiumPdf.RenderAsync(History(c, signOffs), cancellationToken: cancellationToken));

        audit.Record(actor.Audit, AuditAction.CaseFileExported, "Request", r.Id.ToString(CultureInfo.InvariantCulture),
            $"导出申请 {r.Number} 的案卷（含申请人个人信息和全部文书、材料、办理记录）");
        await db.SaveChangesAsync(cancellationToken);
        return Result<CaseFile>.Success(new CaseFile($"案卷（申请{r.Number}）.pdf", await PdfMerge.MergeAsync(parts, cancellationToken)));
    }

    /// <summary>The PDFs of a group of attachments: PDFs that poppler reads as they are, images together one to a page.</summary>
    private async Task<List<byte[]>> PartAsync(IEnumerable<(RequestAttachment Attachment, StoredFile File)> attachments, string group,
        List<string> skipped, CancellationToken cancellationToken)
    {
        var parts = new List<byte[]>();
        var images = new List<(string Caption, StoredFile File, byte[] Content)>();
        foreach (var (attachment, file) in attachments)
        {
            var caption = $"{AttachmentKinds.Label(attachment.Kind)}：{file.FileName}";
            if (file.Kind is FileKind.Png or FileKind.Jpeg)
                images.Add((caption, file, await ReadAsync(file, cancellationToken)));
            else if (file.Kind == FileKind.Pdf && await ReadAsync(file, cancellationToken) is var pdf && await PdfMerge.IsReadableAsync(pdf, cancellationToken))
                parts.Add(pdf);
            else
                skipped.Add($"{group}“{file.FileName}”（{file.Kind.Label()}{(file.Kind == FileKind.Pdf ? "，已加密或无法读取" : "")}），请另行附上");
        }
        if (images.Count > 0)
        {
            var html = new StringBuilder(Head(group));
            foreach (var (caption, file, content) in images)
                html.Append("<section class=\"image\"><p class=\"caption\">").Append(Encode(caption)).Append("</p><img alt=\"\" src=\"data:")
                    .Append(file.ContentType).Append(";base64,").Append(Convert.ToBase64String(content)).Append("\"></section>");
            parts.Insert(0, await ChromiumPdf.RenderAsync(html.Append("</body></html>").ToString(), cancellationToken: cancellationToken));
        }
        return parts;
    }

    private static string Cover(RequestCase c, int materials, int records, IReadOnlyList<(RequestLetter Letter, byte[] Pdf)> issued, IReadOnlyList<string> skipped)
    {
        var r = c.Request;
        var html = new StringBuilder(Head("政府信息公开申请案卷"));
        html.Append("<h1>政府信息公开申请案卷</h1><table class=\"facts\">");
        Row(html, "申请编号", r.Number);
        Row(html, "受理机关", c.Agency.Name);
        Row(html, "申请人", r.ApplicantName);
        Row(html, "收到申请之日", Day(c.Clock.Receipt?.Date));
        Row(html, "办理结果", c.Clock.Outcome is { } o ? Outcomes.Of(o).Label : RequestStatuses.Label(c.Clock.Status));
        Row(html, "答复日期", Day(c.Clock.DecidedOn));
        Row(html, "办结日期", Day(r.ClosedOn));
        html.Append("</table><h2>目录</h2><ol class=\"contents\"><li>申请（政府信息公开申请表）</li>");
        html.Append("<li>申请材料（").Append(materials.ToString(CultureInfo.InvariantCulture)).Append("份）</li><li>文书（按出具顺序）<ol>");
        foreach (var (letter, _) in issued)
            html.Append("<li>").Append(Encode($"{letter.Title}（{letter.Number}），{LetterFields.Date(letter.IssuedOn)}，送达{letter.Addressee}")).Append("</li>");
        html.Append("</ol></li><li>送达凭证等办理记录材料（").Append(records.ToString(CultureInfo.InvariantCulture)).Append("份）</li><li>办理记录和签发记录</li></ol>");
        if (skipped.Count > 0)
        {
            html.Append("<h2>未能并入本案卷的材料</h2><ul>");
            foreach (var s in skipped)
                html.Append("<li>").Append(Encode(s)).Append("</li>");
            html.Append("</ul>");
        }

        html.Append("<section class=\"break\"><h1>政府信息公开申请表</h1><table class=\"facts\">");
        Row(html, "提交方式", Channels.Label(r.Channel));
        Row(html, "提交时间", ChinaTime.FromUtc(r.SubmittedAt).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture));
        Row(html, "申请人类型", ApplicantTypes.Label(r.ApplicantType));
        Row(html, "姓名或名称", r.ApplicantName);
        Row(html, IdentityDocuments.Label(r.IdentityDocument), r.IdentityNumber);
        Row(html, "法定代表人", r.LegalRepresentative);
        Row(html, "联系人", r.ContactName);
        Row(html, "联系电话", r.Phone);
        Row(html, "电子邮箱", r.Email);
        Row(html, "通信地址", r.Address is null ? null : r.Address + (r.PostalCode is { } p ? "（" + p + "）" : ""));
        Row(html, "所需信息", r.Description);
        Row(html, "文件名称或文号", r.DocumentReference);
        Row(html, "用途", r.Purpose);
        Row(html, "获取方式", DeliveryForms.Label(r.DeliveryForm));
        return html.Append("</table></section></body></html>").ToString();
    }

    private static string History(RequestCase c, IReadOnlyList<(LetterDraft Draft, IReadOnlyList<LetterDraftEvent> History)> signOffs)
    {
        var html = new StringBuilder(Head("办理记录"));
        html.Append("<h1>办理记录</h1><table><thead><tr><th>序号</th><th>日期</th><th>办理步骤</th><th>登记人和登记时间</th></tr></thead><tbody>");
        foreach (var h in c.History)
            html.Append("<tr><td>").Append(h.Sequence.ToString(CultureInfo.InvariantCulture)).Append("</td><td>").Append(Encode(WorkingDayTrace.Format(h.Date)))
                .Append("</td><td>").Append(Encode(Detail(h.ToEvent()))).Append("</td><td>").Append(Encode($"{h.RecordedByName}，{Time(h.RecordedAt)}")).Append("</td></tr>");
        html.Append("</tbody></table>");
        if (signOffs.Count > 0)
        {
            html.Append("<h2>文书签发记录</h2>");
            foreach (var (draft, history) in signOffs)
            {
                html.Append("<h3>").Append(Encode($"{draft.Title}（{draft.Summary}）：{SignOffChain.Label(draft.Stage)}")).Append("</h3><table><tbody>");
                foreach (var e in history)
                    html.Append("<tr><td>").Append(Encode(Time(e.At))).Append("</td><td>").Append(Encode(e.ActorName)).Append("</td><td>")
                        .Append(Encode(e.Label + (e.Comment is { } comment ? "：" + comment : ""))).Append("</td></tr>");
                html.Append("</tbody></table>");
            }
        }
        if (c.Messages.Count > 0)
        {
            html.Append("<h2>与申请人的留言</h2><table><tbody>");
            foreach (var m in c.Messages)
                html.Append("<tr><td>").Append(Encode(Time(m.CreatedAt))).Append("</td><td>").Append(Encode(m.FromApplicant ? "申请人" : m.AuthorName))
                    .Append("</td><td>").Append(Encode(m.Body)).Append("</td></tr>");
            html.Append("</tbody></table>");
        }
        return html.Append("</body></html>").ToString();
    }

    private static string Detail(RequestEvent step) => RequestEventText.Describe(step) + step switch
    {
        CorrectionRequested c => "。补正事项：" + c.Items,
        Decided d when d.Reason.Length > 0 => "。" + d.Reason,
        Extended x => "。延期理由：" + x.Reason,
        Withdrawn w => "。" + w.Reason,
        _ => "",
    };

    private static string Head(string title) =>
        "<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>" + Encode(title) + "</title><style>" + Style + "</style></head><body>";

    private const string Style = """
        @page { size: A4; margin: 25mm 20mm; }
        body { margin: 0; font-family: "Noto Serif CJK SC", "Source Han Serif SC", serif; font-size: 12pt; line-height: 1.6; color: #000; }
        h1 { font-size: 20pt; text-align: center; margin: 0 0 18pt; }
        h2 { font-size: 14pt; margin: 18pt 0 6pt; }
        h3 { font-size: 12pt; margin: 12pt 0 4pt; }
        table { width: 100%; border-collapse: collapse; }
        th, td { border: 0.5pt solid #000; padding: 3pt 5pt; vertical-align: top; text-align: left; }
        table.facts th { width: 9em; font-weight: normal; }
        .break { break-before: page; }
        .image { break-after: page; text-align: center; }
        .image img { max-width: 100%; max-height: 230mm; }
        .caption { text-align: left; }
        """;

    private static void Row(StringBuilder html, string label, string? value)
    {
        if (value is { Length: > 0 })
            html.Append("<tr><th>").Append(Encode(label)).Append("</th><td>").Append(Encode(value)).Append("</td></tr>");
    }

    private async Task<byte[]> ReadAsync(StoredFile file, CancellationToken cancellationToken)
    {
        await using var stream = await files.OpenReadAsync(file, cancellationToken);
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy, cancellationToken);
        return copy.ToArray();
    }

    private static string Day(DateOnly? date) => date is { } d ? WorkingDayTrace.Format(d) : "";

    private static string Time(DateTime utc) => ChinaTime.FromUtc(utc).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
