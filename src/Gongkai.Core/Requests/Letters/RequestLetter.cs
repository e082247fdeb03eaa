namespace Gongkai.Core.Requests.Letters;

/// <summary>
/// A letter issued with a step (答复书, 补正告知书 …): its merged text as sent, and the files made
/// from it. The DOCX is written with the step; the PDF is printed from the same text on first download.
/// </summary>
public sealed class RequestLetter
{
    public int Id { get; set; }
    public int RequestId { get; set; }
    public long EventId { get; set; }
    public LetterKind Kind { get; set; }
    public required string Title { get; set; }
    /// <summary>文书编号: the request's number and the step's sequence.</summary>
    public required string Number { get; set; }
    public required string Addressee { get; set; }
    /// <summary>Paragraphs separated by line breaks.</summary>
    public required string Body { get; set; }
    /// <summary>The agency in whose name the letter is issued (落款).</summary>
    public required string Signatory { get; set; }
    public DateOnly IssuedOn { get; set; }
    /// <summary>False for letters to third parties and other agencies: the applicant does not see them.</summary>
    public bool ForApplicant { get; set; }
    public Guid DocxFileId { get; set; }
    public Guid? PdfFileId { get; set; }
    public DateTime CreatedAt { get; set; }
}

/// <summary>An administrator's version of a letter template; without one, the built-in text is used.</summary>
public sealed class LetterTemplateRecord
{
    public required string Key { get; set; }
    public required string Title { get; set; }
    public required string Body { get; set; }
    public required string UpdatedBy { get; set; }
    public DateTime UpdatedAt { get; set; }
}
