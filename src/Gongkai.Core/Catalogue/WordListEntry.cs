using Gongkai.Domain.Catalogue;

namespace Gongkai.Core.Catalogue;

/// <summary>An entry of the maintained 错敏词 list, as administrators edit it.</summary>
public sealed class WordListEntry
{
    public int Id { get; set; }
    public required string Word { get; set; }
    public WordKind Kind { get; set; }
    public string? Correction { get; set; }
    public WordAction Action { get; set; }
    public string? Note { get; set; }
    public DateTime UpdatedAt { get; set; }
    public required string UpdatedBy { get; set; }

    public WordEntry ToEntry() => new(Word, Kind, Correction, Action, Note);
}
