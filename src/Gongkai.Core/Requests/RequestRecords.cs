using Gongkai.Domain.Requests;

namespace Gongkai.Core.Requests;

/// <summary>What an attached file is to the request.</summary>
public enum AttachmentKind
{
    /// <summary>身份证明: the applicant's identity document or business licence.</summary>
    IdentityProof,

    /// <summary>授权委托书: when someone files for the applicant.</summary>
    Authorization,

    /// <summary>Other material the applicant sent with the request.</summary>
    Supporting,

    /// <summary>Material the applicant sent as the 补正.</summary>
    Correction,

    /// <summary>The information disclosed, sent with the reply.</summary>
    Disclosed,

    /// <summary>The office's own records (a signed postal receipt, a third party's opinion …); not shown to the applicant.</summary>
    OfficeRecord,
}

public static class AttachmentKinds
{
    public static string Label(AttachmentKind kind) => kind switch
    {
        AttachmentKind.IdentityProof => "身份证明",
        AttachmentKind.Authorization => "授权委托书",
        AttachmentKind.Supporting => "申请材料",
        AttachmentKind.Correction => "补正材料",
        AttachmentKind.Disclosed => "公开的政府信息",
        AttachmentKind.OfficeRecord => "办理记录",
    };

    public static bool VisibleToApplicant(AttachmentKind kind) => kind != AttachmentKind.OfficeRecord;
}

/// <summary>A stored file attached to a request.</summary>
public sealed class RequestAttachment
{
    public int Id { get; set; }
    public int RequestId { get; set; }
    public Guid FileId { get; set; }
    public AttachmentKind Kind { get; set; }
    public required string AddedByName { get; set; }
    public DateTime AddedAt { get; set; }
}

/// <summary>A message between the applicant and the office, shown on both sides.</summary>
public sealed class RequestMessage
{
    public int Id { get; set; }
    public int RequestId { get; set; }
    public bool FromApplicant { get; set; }
    public required string AuthorName { get; set; }
    public required string Body { get; set; }
    public DateTime CreatedAt { get; set; }
}
