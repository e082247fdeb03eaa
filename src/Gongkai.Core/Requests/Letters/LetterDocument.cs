namespace Gongkai.Core.Requests.Letters;

/// <summary>A letter as printed: title, number, addressee, paragraphs, the issuing agency and the date.</summary>
public sealed record LetterDocument(string Title, string Number, string Addressee, IReadOnlyList<string> Paragraphs, string Signatory, DateOnly Date)
{
    public static LetterDocument Of(RequestLetter letter) => new(letter.Title, letter.Number, letter.Addressee,
        letter.Body.Split('\n'), letter.Signatory, letter.IssuedOn);

    public string FileStem => $"{Title}（{Number}）";
}
