namespace Gongkai.Core.Requests.Letters;

/// <summary>A letter as printed: title, number, addressee, paragraphs, the issuing agency and the date.</summary>
public sealed record LetterDocument(string Title, string Number, string Addressee, IReadOnlyList<string> Paragraphs, string Signatory, DateOnly Date)
{
    public static LetterDocument Of(RequestLetter letter) => new(letter.Title, letter.Number, letter.Addressee,
        letter.Body.Split('\n'), letter.Signatory, letter.IssuedOn);

    public string FileStem => $"{Title}（{Number}）";
}

/// <summary>
/// What only the original PDF carries: the agency's seal over the signature (a validated PNG, see
/// <see cref="SignOff.SealImage"/>) and the line that tells a reader how to verify it.
/// </summary>
public sealed record LetterMarks(byte[]? Seal, string VerificationLine);
