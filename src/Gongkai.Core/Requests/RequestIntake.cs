using System.Globalization;
using Gongkai.Core.Audit;
using Gongkai.Core.Files;
using Gongkai.Core.Security;
using Gongkai.Core.Storage;
using Gongkai.Domain.Requests;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Core.Requests;

/// <summary>
/// New requests: submitted online by the public (待确认收到 until the office confirms receipt, 条例第三十一条第三项)
/// or registered by staff when they arrived in person, by post or by fax (received on the day entered).
/// </summary>
public sealed class RequestIntake(GongkaiDbContext db, RequestLedger ledger, FileStore files, AuditLog audit, OfficeClock clock)
{
    /// <summary>What applicants may attach: scans and photos of documents, and Word files.</summary>
    public static readonly FileKind[] ApplicantFileKinds = [FileKind.Pdf, FileKind.Ofd, FileKind.Png, FileKind.Jpeg, FileKind.Docx];

    public async Task<Result<InformationRequest>> SubmitAsync(RequestInput input, IReadOnlyList<Upload> uploads, Guid? applicantUserId,
        AuditActor actor, CancellationToken cancellationToken = default)
    {
        input = input.Trimmed();
        var errors = await CheckAsync(input, uploads, cancellationToken);
        if (!uploads.Any(u => u.Kind == AttachmentKind.IdentityProof))
            errors.Add(new(nameof(AttachmentKind.IdentityProof), ApplicantTypes.IsOrganization(input.ApplicantType)
                ? "请上传营业执照等身份证明的扫描件或照片。"
                : "请上传身份证件的扫描件或照片。"));
        if (errors.Count > 0)
            return Result<InformationRequest>.Failure(errors);

        await using var transaction = await db.BeginOrJoinTransactionAsync(cancellationToken);
        var request = New(input, Channel.Online);
        request.ApplicantUserId = applicantUserId;
        db.Requests.Add(request);
        await db.SaveChangesAsync(cancellationToken);
        if (await AttachAsync(request, uploads, actor, cancellationToken) is { } refused)
            return Result<InformationRequest>.Failure([refused]);
        var agency = await db.Agencies.Where(a => a.Id == input.AgencyId).Select(a => a.Name).SingleAsync(cancellationToken);
        audit.Record(actor, AuditAction.RequestSubmitted, "Request", Id(request), $"在线向“{agency}”提交政府信息公开申请 {request.Number}");
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return Result<InformationRequest>.Success(request);
    }

    public async Task<Result<InformationRequest>> RegisterAsync(RequestInput input, RegistrationInput registration, IReadOnlyList<Upload> uploads,
        RequestActor actor, CancellationToken cancellationToken = default)
    {
        input = input.Trimmed();
        var errors = await CheckAsync(input, uploads, cancellationToken);
        if (!actor.CanHandle(input.AgencyId))
            errors.Add(new(nameof(input.AgencyId), "只能登记本机关收到的申请。"));
        if (!Enum.IsDefined(registration.Channel))
            errors.Add(new(nameof(registration.Channel), "请选择申请的提交方式。"));
        if (registration.ReceivedOn is not { } receivedOn)
            errors.Add(new(nameof(registration.ReceivedOn), "请填写收到申请之日。"));
        else if (receivedOn > clock.Today)
            errors.Add(new(nameof(registration.ReceivedOn), "收到申请之日不能晚于今天。"));
        if (errors.Count > 0)
            return Result<InformationRequest>.Failure(errors);

        await using var transaction = await db.BeginOrJoinTransactionAsync(cancellationToken);
        var request = New(input, registration.Channel);
        request.RegisteredById = actor.Audit.Id;
        // A handler who registers a request handles it until the office head assigns it elsewhere.
        if (actor.Roles.Contains(Accounts.Roles.Handler))
            request.AssigneeId = actor.Audit.Id;
        // A request that arrived on an earlier day is numbered and listed by that day, as offices file post by its arrival.
        if (registration.ReceivedOn < clock.Today)
            request.SubmittedAt = ChinaTime.StartOfDayUtc(registration.ReceivedOn!.Value).AddHours(9);
        db.Requests.Add(request);
        await db.SaveChangesAsync(cancellationToken);
        if (await AttachAsync(request, uploads, actor.Audit, cancellationToken) is { } refused)
            return Result<InformationRequest>.Failure([refused]);
        audit.Record(actor.Audit, AuditAction.RequestRegistered, "Request", Id(request),
            $"登记{Channels.Label(registration.Channel)}收到的政府信息公开申请 {request.Number}");
        var received = await ledger.AppendAsync(request, new Received(registration.ReceivedOn!.Value, registration.Channel), actor.Audit, null, cancellationToken);
        if (!received.Succeeded)
            return Result<InformationRequest>.Failure(received.Errors);
        await transaction.CommitAsync(cancellationToken);
        return Result<InformationRequest>.Success(request);
    }

    /// <summary>A request a transfer opens at the competent agency: the same application, waiting for that agency to confirm receipt.</summary>
    /// <summary>The request as the competent agency receives it: submitted online on the day of the transfer.</summary>
    internal InformationRequest TransferCopy(InformationRequest from, int agencyId, DateOnly transferredOn)
    {
        var copy = New(new RequestInput
        {
            AgencyId = agencyId, ApplicantType = from.ApplicantType, ApplicantName = from.ApplicantName,
            IdentityDocument = from.IdentityDocument, IdentityNumber = from.IdentityNumber,
            LegalRepresentative = from.LegalRepresentative, ContactName = from.ContactName, Phone = from.Phone,
            Email = from.Email, Address = from.Address, PostalCode = from.PostalCode, Description = from.Description,
            DocumentReference = from.DocumentReference, Purpose = from.Purpose, DeliveryForm = from.DeliveryForm,
        }, Channel.Online);
        copy.ApplicantUserId = from.ApplicantUserId;
        copy.TransferredFromId = from.Id;
        if (transferredOn < DateOnly.FromDateTime(ChinaTime.FromUtc(copy.SubmittedAt)))
            copy.SubmittedAt = ChinaTime.StartOfDayUtc(transferredOn).AddHours(9);
        return copy;
    }

    private async Task<List<FieldError>> CheckAsync(RequestInput input, IReadOnlyList<Upload> uploads, CancellationToken cancellationToken)
    {
        var errors = RequestValidation.Check(input);
        if (!await db.Agencies.AnyAsync(a => a.Id == input.AgencyId, cancellationToken))
            errors.Add(new(nameof(input.AgencyId), "请选择受理申请的机关。"));
        if (uploads.Count > RequestValidation.MaxUploads)
            errors.Add(new(nameof(AttachmentKind.Supporting), $"附件最多{RequestValidation.MaxUploads}个。"));
        return errors;
    }

    /// <summary>
    /// Inspects every upload first and stores them only if all are accepted; the first refused one is
    /// returned. Stored files are staged until the caller's transaction commits (<see cref="StagedFiles"/>).
    /// </summary>
    internal async Task<FieldError?> AttachAsync(InformationRequest request, IReadOnlyList<Upload> uploads, AuditActor actor, CancellationToken cancellationToken)
    {
        var inspected = new List<(Upload Upload, InspectedUpload File)>();
        foreach (var upload in uploads)
        {
            var checkedUpload = await files.InspectAsync(upload.Content, upload.FileName, ApplicantFileKinds, cancellationToken);
            if (checkedUpload.Value is not { } file)
                return new FieldError(upload.Kind.ToString(), $"“{upload.FileName}”：{checkedUpload.Errors[0].Message}");
            inspected.Add((upload, file));
        }
        foreach (var (upload, file) in inspected)
        {
            var stored = await files.AddAsync(file, actor, cancellationToken);
            db.RequestAttachments.Add(new RequestAttachment
            {
                RequestId = request.Id, FileId = stored.Id, Kind = upload.Kind, AddedByName = Name(actor), AddedAt = clock.UtcNow,
            });
        }
        return null;
    }

    private InformationRequest New(RequestInput input, Channel channel) => new()
    {
        AgencyId = input.AgencyId,
        TrackingCode = TrackingCode.Generate(),
        Channel = channel,
        ApplicantType = input.ApplicantType,
        ApplicantName = input.ApplicantName,
        IdentityDocument = input.IdentityDocument,
        IdentityNumber = input.IdentityNumber,
        LegalRepresentative = input.LegalRepresentative,
        ContactName = input.ContactName,
        Phone = input.Phone,
        Email = input.Email,
        Address = input.Address,
        PostalCode = input.PostalCode,
        Description = input.Description,
        DocumentReference = input.DocumentReference,
        Purpose = input.Purpose,
        DeliveryForm = input.DeliveryForm,
        IdentityKey = Duplicates.IdentityKey(input.IdentityNumber),
        ContactKey = Duplicates.ContactKey(input.ApplicantName, input.Phone),
        SubmittedAt = clock.LegalUtcNow,
        Status = RequestStatus.Submitted,
        Version = 1,
        UpdatedAt = clock.UtcNow,
    };

    private static string Name(AuditActor actor) => actor.Name.Length > 100 ? actor.Name[..100] : actor.Name;

    private static string Id(InformationRequest r) => r.Id.ToString(CultureInfo.InvariantCulture);
}
