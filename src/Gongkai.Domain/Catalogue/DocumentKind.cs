namespace Gongkai.Domain.Catalogue;

/// <summary>What a catalogue document is: the kinds the annual report counts are told apart from the rest.</summary>
public enum DocumentKind
{
    /// <summary>其他政府信息 (notices, plans, announcements…)</summary>
    Ordinary,

    /// <summary>规章</summary>
    Rule,

    /// <summary>行政规范性文件</summary>
    NormativeDocument,

    /// <summary>政策解读: explains another document, linked to it both ways.</summary>
    Interpretation,
}

public static class DocumentKinds
{
    public static string Label(this DocumentKind kind) => kind switch
    {
        DocumentKind.Ordinary => "其他政府信息",
        DocumentKind.Rule => "规章",
        DocumentKind.NormativeDocument => "行政规范性文件",
        DocumentKind.Interpretation => "政策解读",
    };

    /// <summary>The kind table 二 §20(一) counts this document as, if any.</summary>
    public static NormativeKind? Normative(this DocumentKind kind) => kind switch
    {
        DocumentKind.Rule => NormativeKind.Rule,
        DocumentKind.NormativeDocument => NormativeKind.NormativeDocument,
        DocumentKind.Ordinary or DocumentKind.Interpretation => null,
    };
}
