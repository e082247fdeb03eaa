using System.Globalization;
using Gongkai.Core.Audit;
using Gongkai.Core.Files;
using Gongkai.Core.Security;
using Gongkai.Core.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Core.Requests.Letters;

/// <summary>
/// Issues the letter of a step from its template (the administrator's version or the built-in
/// one), stores it as DOCX at once and as PDF when first asked for, and keeps the templates.
/// </summary>
public sealed class LetterService(GongkaiDbContext db, FileStore files, AuditLog audit, TimeProvider clock, PdfRenderQueue pdfs)
{
    /// <summary>Adds the step's letter, if it has one, to the unit of work; the step's record must already have its id.</summary>
    public async Task<RequestLetter?> IssueAsync(LetterContext context, RequestEventRecord step, CancellationToken cancellationToken = default)
    {
        if (LetterKinds.For(context.Step) is not { } kind)
            return null;
        var template = await TemplateAsync(LetterTemplates.Key(kind, context.Clock.Outcome, context.Request.CompetentAgencyName is not null), cancellationToken);
        var values = LetterFields.Values(context);
        var letter = new RequestLetter
        {
            RequestId = context.Request.Id,
            EventId = step.Id,
            Kind = kind,
            Title = string.Concat(LetterFields.Fill(template.Title, values)),
            Number = context.Request.Number + "-" + step.Sequence.ToString("D2", CultureInfo.InvariantCulture),
            Addressee = context.Step is Domain.Requests.ConsultationStarted s ? s.Party : context.Request.ApplicantName,
            Body = string.Join('\n', LetterFields.Fill(template.Body, values)),
            Signatory = context.Agency.Name,
            IssuedOn = context.Step.Date,
            ForApplicant = LetterKinds.ForApplicant(kind),
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        var document = LetterDocument.Of(letter);
        letter.DocxFileId = await StoreAsync(LetterDocx.Write(document), document.FileStem + ".docx", FileKind.Docx, cancellationToken);
        db.RequestLetters.Add(letter);
        return letter;
    }

    /// <summary>The letter's PDF, printed from its stored text the first time it is asked for (through the bounded queue).</summary>
    public async Task<StoredFile> PdfAsync(RequestLetter letter, CancellationToken cancellationToken = default)
    {
        letter.PdfFileId ??= await pdfs.RenderAsync(Pdf(letter.Id), cancellationToken);
        return await db.StoredFiles.AsNoTracking().SingleAsync(f => f.Id == letter.PdfFileId, cancellationToken);
    }

    /// <summary>Prints the letter's PDF and keeps it: give it to <see cref="PdfRenderQueue"/> (a signed letter, say).</summary>
    public static PdfJob Pdf(int letterId) =>
        new($"letter:{letterId.ToString(CultureInfo.InvariantCulture)}", (services, cancellationToken) =>
            services.GetRequiredService<LetterService>().StorePdfAsync(letterId, cancellationToken));

    private async Task<Guid> StorePdfAsync(int letterId, CancellationToken cancellationToken)
    {
        var letter = await db.RequestLetters.SingleAsync(l => l.Id == letterId, cancellationToken);
        if (letter.PdfFileId is { } existing)
            return existing;
        var document = LetterDocument.Of(letter);
        var pdf = await LetterPdf.WriteAsync(document, cancellationToken);
        letter.PdfFileId = await StoreAsync(pdf, document.FileStem + ".pdf", FileKind.Pdf, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return letter.PdfFileId.Value;
    }

    public async Task<LetterTemplate> TemplateAsync(string key, CancellationToken cancellationToken = default)
    {
        var builtIn = LetterTemplates.Default(key) ?? throw new KeyNotFoundException($"文书模板“{key}”不存在。");
        var custom = await db.LetterTemplates.AsNoTracking().SingleOrDefaultAsync(t => t.Key == key, cancellationToken);
        return custom is null ? builtIn : builtIn with { Title = custom.Title, Body = custom.Body };
    }

    /// <summary>Every template with whether an administrator changed it.</summary>
    public async Task<IReadOnlyList<(LetterTemplate Template, LetterTemplateRecord? Custom)>> TemplatesAsync(CancellationToken cancellationToken = default)
    {
        var custom = await db.LetterTemplates.AsNoTracking().ToDictionaryAsync(t => t.Key, cancellationToken);
        return [.. LetterTemplates.Defaults.Select(t => custom.TryGetValue(t.Key, out var c)
            ? (t with { Title = c.Title, Body = c.Body }, (LetterTemplateRecord?)c)
            : (t, null))];
    }

    public async Task<Result<LetterTemplate>> SaveTemplateAsync(string key, string title, string body, AuditActor actor,
        CancellationToken cancellationToken = default)
    {
        var builtIn = LetterTemplates.Default(key) ?? throw new KeyNotFoundException($"文书模板“{key}”不存在。");
        title = title.Trim();
        body = body.Replace("\r\n", "\n", StringComparison.Ordinal).Trim();
        var errors = new List<FieldError>();
        if (title.Length is 0 or > 200)
            errors.Add(new("Title", "请填写标题（不超过200个字）。"));
        if (body.Length is 0 or > 20000)
            errors.Add(new("Body", "请填写正文（不超过20000个字）。"));
        if (LetterFields.Unknown(title + "\n" + body) is { Count: > 0 } unknown)
            errors.Add(new("Body", $"模板中有无法识别的占位符：{string.Join("、", unknown.Select(u => "{" + u + "}"))}。可用的占位符见下方列表。"));
        if (errors.Count > 0)
            return Result<LetterTemplate>.Failure(errors);

        var record = await db.LetterTemplates.SingleOrDefaultAsync(t => t.Key == key, cancellationToken);
        if (record is null)
            db.LetterTemplates.Add(record = new LetterTemplateRecord { Key = key, Title = title, Body = body, UpdatedBy = actor.Name });
        record.Title = title;
        record.Body = body;
        record.UpdatedBy = actor.Name.Length > 100 ? actor.Name[..100] : actor.Name;
        record.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        audit.Record(actor, AuditAction.LetterTemplateChanged, "LetterTemplate", key, $"修改文书模板“{builtIn.Label}”");
        await db.SaveChangesAsync(cancellationToken);
        return Result<LetterTemplate>.Success(builtIn with { Title = title, Body = body });
    }

    /// <summary>Returns to the built-in text.</summary>
    public async Task ResetTemplateAsync(string key, AuditActor actor, CancellationToken cancellationToken = default)
    {
        var builtIn = LetterTemplates.Default(key) ?? throw new KeyNotFoundException($"文书模板“{key}”不存在。");
        if (await db.LetterTemplates.SingleOrDefaultAsync(t => t.Key == key, cancellationToken) is not { } record)
            return;
        db.LetterTemplates.Remove(record);
        audit.Record(actor, AuditAction.LetterTemplateChanged, "LetterTemplate", key, $"文书模板“{builtIn.Label}”恢复为系统默认文本");
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Generated files are stored like uploads (the same inspection, names and audit line), in the system's name.</summary>
    private async Task<Guid> StoreAsync(byte[] content, string fileName, FileKind kind, CancellationToken cancellationToken)
    {
        using var stream = new MemoryStream(content);
        var stored = await files.AddAsync(stream, fileName, [kind], AuditActor.System, cancellationToken);
        return stored.Value?.Id ?? throw new InvalidOperationException("生成的文书未通过文件检查：" + stored.Errors[0].Message);
    }
}
