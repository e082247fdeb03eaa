using Gongkai.Domain.Text;

namespace Gongkai.Reports.Reading;

/// <summary>A source line with each cell normalised and classified once.</summary>
internal sealed class ParsedLine
{
    public ParsedLine(int index, SourceLine line)
    {
        Index = index;
        Source = line;
        Tokens = new Token[line.Cells.Count];
        for (var i = 0; i < Tokens.Length; i++)
        {
            var raw = line.Cells[i];
            var norm = ChineseText.Normalize(raw);
            Tokens[i] = new Token(raw, norm, ValueParser.Parse(raw, norm), line.NearPageBreak && Tokens.Length == 1, line, i);
        }
    }

    public int Index { get; set; }

    public SourceLine Source { get; }

    public Token[] Tokens { get; }

    public bool IsRow => Source.IsRow && Tokens.Length > 1;

    /// <summary>The first cell's normalised text.</summary>
    public string Head => Tokens.Length > 0 ? Tokens[0].Norm : "";

    /// <summary>A sentence of running text: never part of a table.</summary>
    public bool IsProse => !IsRow && Tokens.Length == 1 && Tokens[0].Figure is null
                           && (Head.Contains('。', StringComparison.Ordinal) || Head.Length > 60);

    /// <summary>All cells but the first are empty (a heading written in a table row, say).</summary>
    public bool IsSingle
    {
        get
        {
            for (var i = 1; i < Tokens.Length; i++)
            {
                if (Tokens[i].Norm.Length > 0)
                    return false;
            }
            return true;
        }
    }

    /// <summary>The line as printed (cells joined), without pinyin annotations.</summary>
    public string Text => _text ??= ChineseText.StripAnnotations(string.Join(" ", Source.Cells.Where(c => c.Length > 0)));

    public string NormText => _normText ??= Tokens.Length == 1 ? Tokens[0].Norm : string.Concat(Tokens.Select(t => t.Norm));

    private string? _text;
    private string? _normText;
}

/// <summary>A cell: raw text, matching form, the figure it holds if it is one, and the line and place it was read from.</summary>
internal sealed record Token(string Raw, string Norm, Figure? Figure, bool MaybePageNumber, SourceLine Line, int Cell)
{
    /// <summary>Where the cell was printed.</summary>
    public Domain.Reports.CellSource Source => Line.CellPlace(Cell);

    public bool IsValue => Figure is not null;

    public bool IsText => Figure is null;

    public bool IsBlank => Figure is { Form: Domain.Reports.CellForm.Blank };
}
