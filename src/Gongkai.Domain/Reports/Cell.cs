using System.Globalization;

namespace Gongkai.Domain.Reports;

/// <summary>How a cell was written: a number, or which kind of empty mark.</summary>
public enum CellForm
{
    Number,
    Blank,
    Slash,
    Hyphen,
    Dash,
    None,
    Unreadable,

    /// <summary>
    /// Read without its row label, by the template's order of rows and columns, and confirmed by
    /// the prose: the value is what was printed in that place (an empty mark counts 0).
    /// </summary>
    Recovered,
}

/// <summary>
/// One figure of a report: its value in the template's base unit, the text it was read from,
/// and how it was written. Empty marks in a statistics table count as 0; a cell that cannot be
/// read has no value — it is never guessed. <see cref="Source"/> says where it was printed; it is
/// evidence, not part of the figure, so two cells with the same value, text and form are equal
/// wherever they were read.
/// </summary>
public sealed record Cell(decimal? Value, string Text, CellForm Form)
{
    public CellSource? Source { get; init; }

    public static Cell Of(decimal value) => new(value, Format(value), CellForm.Number);

    public static Cell Unreadable(string text) => new(null, text, CellForm.Unreadable);

    /// <summary>A cell the reader did not find at all.</summary>
    public static Cell Missing { get; } = new(null, "", CellForm.Unreadable);

    public bool IsReadable => Form != CellForm.Unreadable;

    public bool Equals(Cell? other) =>
        other is not null && Value == other.Value && Text == other.Text && Form == other.Form;

    public override int GetHashCode() => HashCode.Combine(Value, Text, Form);

    /// <summary>The canonical text for a value: invariant, no trailing zeros.</summary>
    public static string Format(decimal value) =>
        (value / 1.000000000000000000000000000000000m).ToString(CultureInfo.InvariantCulture);

    /// <summary>The mark that writes an empty form, the inverse of what readers accept.</summary>
    public static string Mark(CellForm form) => form switch
    {
        CellForm.Blank => "",
        CellForm.Slash => "/",
        CellForm.Hyphen => "-",
        CellForm.Dash => "—",
        CellForm.None => "无",
        CellForm.Number or CellForm.Unreadable or CellForm.Recovered => throw new ArgumentOutOfRangeException(nameof(form)),
    };

    public static string FormId(CellForm form) => form switch
    {
        CellForm.Number => "number",
        CellForm.Blank => "blank",
        CellForm.Slash => "slash",
        CellForm.Hyphen => "hyphen",
        CellForm.Dash => "dash",
        CellForm.None => "none",
        CellForm.Unreadable => "unreadable",
        CellForm.Recovered => "recovered",
    };

    public static CellForm? FormFromId(string? id) => id switch
    {
        "number" => CellForm.Number,
        "blank" => CellForm.Blank,
        "slash" => CellForm.Slash,
        "hyphen" => CellForm.Hyphen,
        "dash" => CellForm.Dash,
        "none" => CellForm.None,
        "unreadable" => CellForm.Unreadable,
        "recovered" => CellForm.Recovered,
        _ => null,
    };

    public override string ToString() => Value is { } v ? Format(v) : $"?({Text})";
}
