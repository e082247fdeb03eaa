namespace Gongkai.Core.Supervision.Exports;

/// <summary>A share shown as a percentage (a sheet formats it so; text shows 85%).</summary>
public readonly record struct Percent(double Value)
{
    public override string ToString() => (Value * 100).ToString("0", System.Globalization.CultureInfo.InvariantCulture) + "%";
}

/// <summary>
/// One view of the audit as rows and columns, written alike to a sheet, a CSV file or a memo
/// table. Cells are text, whole numbers or <see cref="Percent"/>; null is an empty cell.
/// </summary>
public sealed record AuditTable(string Name, IReadOnlyList<string> Header, IReadOnlyList<object?[]> Rows)
{
    public static string Text(object? cell) => cell switch
    {
        null => "",
        string s => s,
        int i => i.ToString(System.Globalization.CultureInfo.InvariantCulture),
        decimal d => Domain.Reports.Cell.Format(d),
        Percent p => p.ToString(),
        _ => throw new ArgumentException($"Unsupported cell {cell.GetType().Name}", nameof(cell)),
    };
}
