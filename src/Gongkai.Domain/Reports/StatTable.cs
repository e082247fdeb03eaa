namespace Gongkai.Domain.Reports;

/// <summary>The figures of one statistics table: row key → cells in column order.</summary>
public sealed class StatTable(ReportTable kind)
{
    private readonly Dictionary<string, Cell[]> _rows = new(StringComparer.Ordinal);

    public ReportTable Kind { get; } = kind;

    public bool IsEmpty => _rows.Count == 0;

    public IEnumerable<string> Keys => _rows.Keys;

    public Cell[]? this[string key] => _rows.GetValueOrDefault(key);

    public void Set(string key, Cell[] cells) => _rows[key] = cells;

    public bool Remove(string key) => _rows.Remove(key);

    /// <summary>The cell of a row, or null when the row or column is absent.</summary>
    public Cell? Get(string key, int column) =>
        _rows.TryGetValue(key, out var cells) && column < cells.Length ? cells[column] : null;

    /// <summary>A value, or null when absent or unreadable.</summary>
    public decimal? Value(string key, int column) => Get(key, column)?.Value;
}
