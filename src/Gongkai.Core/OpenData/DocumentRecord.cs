using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Unicode;
using Gongkai.Core.Imports;

namespace Gongkai.Core.OpenData;

/// <summary>
/// An attachment: its name, and where it is — a path in the attachments folder or ZIP of an export
/// (<see cref="File"/>), or its download address on the portal (<see cref="Url"/>, with its SHA-256 and size).
/// </summary>
public sealed record AttachmentRecord(string Name, string? File = null, string? Url = null, string? Sha256 = null, long? Size = null);

/// <summary>
/// A published document in the one shape every open-data format shares: the bulk dump (JSON Lines,
/// one object a line, and CSV with <see cref="DocumentColumns"/>), an agency's export, and the import
/// that reads both back. Dates are ISO 8601 (时间 with the China offset, +08:00); choices by their
/// codes (<c>NormativeDocument</c>, <c>ConstructionAndEnvironment</c>) with labels beside them in the dump.
/// </summary>
public sealed record DocumentRecord
{
    public int? Id { get; init; }
    public required string IndexNumber { get; init; }
    public required string Title { get; init; }
    public required string AgencyCode { get; init; }
    public string? Agency { get; init; }
    public required string Publisher { get; init; }
    public string? DocumentNumber { get; init; }
    public required string Kind { get; init; }
    public required string Topic { get; init; }
    public string? Category { get; init; }
    public string? Keywords { get; init; }
    public DateOnly? IssuedOn { get; init; }
    public required DateTimeOffset PublishedAt { get; init; }
    public DateOnly? ValidUntil { get; init; }
    public DateOnly? RepealedOn { get; init; }
    public string? ValidityNote { get; init; }
    public string? Validity { get; init; }
    public string? Interprets { get; init; }
    public string? Replaces { get; init; }
    public required string BodyText { get; init; }
    public string? BodyHtml { get; init; }
    public IReadOnlyList<AttachmentRecord> Attachments { get; init; } = [];
    public string? Url { get; init; }

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
    };

    /// <summary>One line of JSON Lines.</summary>
    public string ToJsonLine() => JsonSerializer.Serialize(this, Json);

    /// <summary>The cells in the order of <see cref="DocumentColumns.All"/>.</summary>
    public IEnumerable<string?> Cells() =>
    [
        IndexNumber, Title, AgencyCode, Agency, Publisher, DocumentNumber, Kind, Topic, Category, Keywords, Date(IssuedOn),
        PublishedAt.ToString("O", CultureInfo.InvariantCulture), Date(ValidUntil), Date(RepealedOn), ValidityNote, Validity, Interprets, Replaces,
        BodyText, BodyHtml, string.Join('|', Attachments.Select(a => a.File ?? a.Url)), Id?.ToString(CultureInfo.InvariantCulture), Url,
    ];

    private static string? Date(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}

/// <summary>The columns of documents.csv (import, export, dump); a JSON Lines object uses the keys.</summary>
public static class DocumentColumns
{
    public static readonly IReadOnlyList<ImportColumn> All =
    [
        new("indexNumber", "索引号", Required: true),
        new("title", "标题", Required: true),
        new("agencyCode", "机关统一社会信用代码", Required: true),
        new("agency", "机关"),
        new("publisher", "发布机构"),
        new("documentNumber", "文号"),
        new("kind", "信息类型"),
        new("topic", "主题分类"),
        new("category", "目录分类"),
        new("keywords", "关键词"),
        new("issuedOn", "成文日期"),
        new("publishedAt", "发布时间", Required: true),
        new("validUntil", "有效期至"),
        new("repealedOn", "废止日期"),
        new("validityNote", "有效性说明"),
        new("validity", "有效性"),
        new("interprets", "所解读文件索引号"),
        new("replaces", "所替代文件索引号"),
        new("bodyText", "正文"),
        new("bodyHtml", "正文HTML"),
        new("attachments", "附件"),
        new("id", "编号"),
        new("url", "网址"),
    ];
}
