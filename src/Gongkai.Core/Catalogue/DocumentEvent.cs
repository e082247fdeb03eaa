namespace Gongkai.Core.Catalogue;

/// <summary>What happened to a document. Stored by name, so values may be added but never renamed.</summary>
public enum DocumentEventKind
{
    Created,
    Edited,
    AttachmentAdded,
    AttachmentRemoved,
    Submitted,
    Approved,
    Rejected,
    Published,
    Withdrawn,
    Discarded,
    ValidityChanged,
    /// <summary>Brought in from another platform as published there, without a review here.</summary>
    Imported,
}

/// <summary>One step of a document's history, kept for good: the database refuses UPDATE and DELETE.</summary>
public sealed class DocumentEvent
{
    public long Id { get; init; }
    public int DocumentId { get; init; }
    public DateTime At { get; init; }
    public Guid? ActorId { get; init; }
    public required string ActorName { get; init; }
    public DocumentEventKind Kind { get; init; }
    /// <summary>The reviewer's opinion, the reason for withdrawing, what changed.</summary>
    public string? Note { get; init; }
}

public static class DocumentEventKinds
{
    public static string Label(this DocumentEventKind kind) => kind switch
    {
        DocumentEventKind.Created => "起草",
        DocumentEventKind.Edited => "修改",
        DocumentEventKind.AttachmentAdded => "添加附件",
        DocumentEventKind.AttachmentRemoved => "删除附件",
        DocumentEventKind.Submitted => "提交保密审查",
        DocumentEventKind.Approved => "保密审查通过",
        DocumentEventKind.Rejected => "保密审查退回",
        DocumentEventKind.Published => "发布",
        DocumentEventKind.Withdrawn => "撤回",
        DocumentEventKind.Discarded => "作废",
        DocumentEventKind.ValidityChanged => "变更有效性",
        DocumentEventKind.Imported => "导入（原平台已发布）",
    };
}
