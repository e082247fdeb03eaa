using Gongkai.Domain.Catalogue;

namespace Gongkai.Core.Catalogue;

/// <summary>An entry of the 错敏词 list as a form or a CSV line gives it.</summary>
public sealed record WordInput(string Word, WordKind Kind, string? Correction, WordAction Action, string? Note)
{
    public WordInput Trimmed() => this with
    {
        Word = Word.Trim(),
        Correction = string.IsNullOrWhiteSpace(Correction) ? null : Correction.Trim(),
        Note = string.IsNullOrWhiteSpace(Note) ? null : Note.Trim(),
    };

    public IReadOnlyList<FieldError> Validate()
    {
        var errors = new List<FieldError>();
        if (Word.Length == 0) errors.Add(new(nameof(Word), "请填写词语。"));
        else if (Word.Length > 50) errors.Add(new(nameof(Word), "词语不能超过50个字。"));
        else if (Word.Any(char.IsWhiteSpace)) errors.Add(new(nameof(Word), "词语中不能有空格。"));
        if (!Enum.IsDefined(Kind)) errors.Add(new(nameof(Kind), "请选择类型。"));
        if (!Enum.IsDefined(Action)) errors.Add(new(nameof(Action), "请选择处理方式。"));
        if (Kind == WordKind.Wrong && Correction is null) errors.Add(new(nameof(Correction), "错误表述须填写更正后的写法。"));
        if (Correction is { Length: > 50 }) errors.Add(new(nameof(Correction), "更正不能超过50个字。"));
        if (Correction is not null && Correction == Word) errors.Add(new(nameof(Correction), "更正与词语相同。"));
        if (Note is { Length: > 200 }) errors.Add(new(nameof(Note), "说明不能超过200个字。"));
        return errors;
    }
}
