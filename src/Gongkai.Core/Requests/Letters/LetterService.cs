using System.Globalization;
using Gongkai.Core.Audit;
using Gongkai.Core.Files;
using Gongkai.Core.Requests.SignOff;
using Gongkai.Core.Security;
using Gongkai.Core.Storage;
using Gongkai.Domain.Requests;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Core.Requests.Letters;

/// <summary>
/// Issues the letter of a step from its template (the administrator's version or the built-in
/// one) with its number from the agency's series and its verification code, stores it as DOCX at
/// once and prints its original PDF once (through the bounded <see cref="PdfRenderQueue"/>), and keeps
/// the templates. While a draft is tried or signed off (<see cref="Plan"/>), the step's letter is only
/// composed, or issued with the draft's text.
/// </summary>
public sealed class LetterService(GongkaiDbContext db, FileStore files, AuditLog audit, TimeProvider clock, LetterOptions options, PdfRenderQueue pdfs)
{
    /// <summary>Set by <see cref="SignOff.LetterDrafts"/> around the step it tries or signs off; null when a step is taken directly.</summary>
    internal LetterPlan? Plan { get; set; }

    /// <summary>
    /// Adds the step's letters, if it has any, to the unit of work; the step's record must already have its id.
    /// Each number is the next of the agency's series for the kind and year, in the caller's transaction.
    /// Returns the step's own letter; a disclosure over a third party's objection also issues a
    /// 第三方告知书 to each such party (条例第三十二条).
    /// </summary>
    public async Task<RequestLetter?> IssueAsync(LetterContext context, RequestEventRecord step, CancellationToken cancellationToken = default)
    {
        RequestLetter? own = null;
        var index = 0;
        foreach (var (kind, party) in LetterKinds.All(context.Step, context.Clock))
        {
            var letterContext = context with { Party = party };
            var composed = await ComposeAsync(letterContext, kind, cancellationToken);
            var body = composed.Body;
            // A draft (承办 → 签发) is the step's own letter; the letters that go with it are written from the record.
            if (index == 0 && Plan is { } plan)
            {
                plan.Composed = composed;
                if (plan.IsTrial)
                    return null;
                if (LetterText.Rebase(plan.DraftBase, plan.DraftBody, composed.Body) is not { } merged)
                {
                    plan.Conflict = true;
                    return null;
                }
                body = merged;
            }
            var seal = await db.LetterSettings.Where(s => s.AgencyId == context.Agency.Id).Select(s => s.SealFileId).SingleOrDefaultAsync(cancellationToken);
            var letter = new RequestLetter
            {
                RequestId = context.Request.Id,
                EventId = step.Id,
                Kind = kind,
                Title = composed.Title,
                Number = await LetterNumbers.NextAsync(db, context.Agency.Id, kind, context.Step.Date.Year, cancellationToken)
                    ?? context.Request.Number + "-" + step.Sequence.ToString("D2", CultureInfo.InvariantCulture)
                    + (index > 0 ? "-" + (index + 1).ToString(CultureInfo.InvariantCulture) : ""),
                Addressee = composed.Addressee,
                Body = body,
                Signatory = composed.Signatory,
                IssuedOn = context.Step.Date,
                ForApplicant = composed.ForApplicant,
                VerificationCode = TrackingCode.Generate(),
                SealFileId = seal,
                CreatedAt = clock.GetUtcNow().UtcDateTime,
            };
            var document = LetterDocument.Of(letter);
            letter.DocxFileId = await StoreAsync(LetterDocx.Write(document), document.FileStem + ".docx", FileKind.Docx, cancellationToken);
            db.RequestLetters.Add(letter);
            if (index == 0)
            {
                Plan?.Issued = letter;
                own = letter;
            }
            index++;
        }
        return own;
    }

    /// <summary>The letter a step issued, if any: how a delivered letter is found for a step of the history.</summary>
    public Task<RequestLetter?> ForStepAsync(long eventId, CancellationToken cancellationToken = default) =>
        db.RequestLetters.AsNoTracking().Where(l => l.EventId == eventId).OrderBy(l => l.Id).FirstOrDefaultAsync(cancellationToken);

    /// <summary>
    /// Why the step may not issue its letter now: the agency signs its letters off (承办 → 签发), so the
    /// letter is drafted and the step taken at 签发. Null for steps without a letter or with only the
    /// 登记回执, for agencies without the chain, and while a draft is tried or signed off.
    /// </summary>
    public async Task<FieldError?> SignOffRefusalAsync(int agencyId, RequestEvent step, CancellationToken cancellationToken = default)
    {
        if (Plan is not null || LetterKinds.For(step) is not { } kind || !LetterKinds.IsSignedOff(kind))
            return null;
        return (await LetterSettings.ChainOfAsync(db, agencyId, cancellationToken)).Enabled
            ? new FieldError("", $"本机关的{LetterKinds.Label(kind)}须经审核、签发后发出：请在此步骤起草文书并提交，公开办负责人签发时办理此步骤。")
            : null;
    }

    /// <summary>The letter's DOCX (the office's working copy), or with "pdf" its original PDF (printed on first request).</summary>
    public async Task<StoredFile> FileAsync(RequestLetter letter, string? format, CancellationToken cancellationToken = default) =>
        string.Equals(format, "pdf", StringComparison.OrdinalIgnoreCase)
            ? await PdfAsync(letter, cancellationToken)
            : await db.StoredFiles.AsNoTracking().SingleAsync(f => f.Id == letter.DocxFileId, cancellationToken);

    /// <summary>A letter of the request addressed to the applicant, if there is one with this id.</summary>
    public Task<RequestLetter?> ForApplicantAsync(int requestId, int letterId, CancellationToken cancellationToken = default) =>
        db.RequestLetters.AsNoTracking().SingleOrDefaultAsync(l => l.Id == letterId && l.RequestId == requestId && l.ForApplicant, cancellationToken);

    /// <summary>
    /// The letter's original PDF, printed the first time it is asked for — at 签发, or at the first
    /// download of a letter issued directly — through the bounded render queue, with the seal the
    /// agency had at issue and the verification line, then stored with its SHA-256 and never printed again.
    /// </summary>
    public async Task<StoredFile> PdfAsync(RequestLetter letter, CancellationToken cancellationToken = default)
    {
        letter.PdfFileId ??= await pdfs.RenderAsync(Pdf(letter.Id), cancellationToken);
        return await FileAsync(letter.PdfFileId.Value, cancellationToken);
    }

    /// <summary>Prints the letter's original and keeps it: give it to <see cref="PdfRenderQueue"/> (a signed-off letter, say).</summary>
    public static PdfJob Pdf(int letterId) =>
        new($"letter:{letterId.ToString(CultureInfo.InvariantCulture)}", (services, cancellationToken) =>
            services.GetRequiredService<LetterService>().StorePdfAsync(letterId, cancellationToken));

    private async Task<Guid> StorePdfAsync(int letterId, CancellationToken cancellationToken)
    {
        var current = await db.RequestLetters.AsNoTracking().SingleAsync(l => l.Id == letterId, cancellationToken);
        if (current.PdfFileId is { } printed)
            return printed;
        var document = LetterDocument.Of(current);
        var marks = current.VerificationCode is { } code
            ? new LetterMarks(current.SealFileId is { } seal ? await ReadAsync(seal, cancellationToken) : null, options.VerificationLine(current.Number, code))
            : null;
        var pdf = await StoreAsync(await LetterPdf.WriteAsync(document, marks, cancellationToken), document.FileStem + ".pdf", FileKind.Pdf, cancellationToken);
        // Another server may have printed it meanwhile: the first stored stays the original.
        await db.RequestLetters.Where(l => l.Id == letterId && l.PdfFileId == null)
            .ExecuteUpdateAsync(u => u.SetProperty(l => l.PdfFileId, pdf), cancellationToken);
        return (await db.RequestLetters.AsNoTracking().SingleAsync(l => l.Id == letterId, cancellationToken)).PdfFileId!.Value;
    }

    /// <summary>The letter a step would issue: its template filled from the case.</summary>
    private async Task<ComposedLetter> ComposeAsync(LetterContext context, LetterKind kind, CancellationToken cancellationToken)
    {
        var key = kind == LetterKind.Reply
            ? LetterTemplates.Key(kind, context.Clock.Outcome, context.Request.CompetentAgencyName is not null, context.Clock.Decision?.Items is { Count: > 0 })
            : LetterTemplates.Key(kind, null, false);
        var template = await TemplateAsync(key, cancellationToken);
        var values = LetterFields.Values(context);
        return new ComposedLetter(kind,
            string.Concat(LetterFields.Fill(template.Title, values)),
            context.Party ?? (context.Step is Domain.Requests.ConsultationStarted s ? s.Party : context.Request.ApplicantName),
            string.Join('\n', LetterFields.Fill(template.Body, values)),
            context.Agency.Name, context.Step.Date, LetterKinds.ForApplicant(kind));
    }

    private async Task<StoredFile> FileAsync(Guid id, CancellationToken cancellationToken) =>
        await db.StoredFiles.AsNoTracking().SingleAsync(f => f.Id == id, cancellationToken);

    private async Task<byte[]> ReadAsync(Guid fileId, CancellationToken cancellationToken)
    {
        await using var stream = await files.OpenReadAsync(await FileAsync(fileId, cancellationToken), cancellationToken);
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy, cancellationToken);
        return copy.ToArray();
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

    /// <summary>Generated files are stored like uploads (the same inspection, names and audit line), in the system's name; the PDF is saved at once.</summary>
    private async Task<Guid> StoreAsync(byte[] content, string fileName, FileKind kind, CancellationToken cancellationToken)
    {
        using var stream = new MemoryStream(content);
        var stored = await files.AddAsync(stream, fileName, [kind], AuditActor.System, cancellationToken);
        if (stored.Value is not { } file)
            throw new InvalidOperationException("生成的文书未通过文件检查：" + stored.Errors[0].Message);
        if (kind == FileKind.Pdf)
            await db.SaveChangesAsync(cancellationToken);
        return file.Id;
    }
}
