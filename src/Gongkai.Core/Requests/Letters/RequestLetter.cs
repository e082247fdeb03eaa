namespace Gongkai.Core.Requests.Letters;

/// <summary>
/// A letter issued with a step (答复书, 补正告知书 …): its merged text as sent, and the files made
/// from it. The DOCX, a drafting copy for staff, is written with the step; the PDF is the original:
/// printed once from the same text with the seal and the verification code, stored with its SHA-256
/// (<see cref="Files.StoredFile.Sha256"/>), and never printed again.
/// </summary>
public sealed class RequestLetter
{
    public int Id { get; set; }
    public int RequestId { get; set; }
    public long EventId { get; set; }
    public LetterKind Kind { get; set; }
    public required string Title { get; set; }
    /// <summary>
    /// 文号 from the agency's yearly series for the kind (示府办依复〔2026〕12号), or, where the agency
    /// has none, the request's number and the step's sequence (2026-000123-02). Unique.
    /// </summary>
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
    /// <summary>The original PDF, once printed.</summary>
    public Guid? PdfFileId { get; set; }
    /// <summary>验证码 printed on the PDF, checked with the number at /verify; null on letters issued before it existed.</summary>
    public string? VerificationCode { get; set; }
    /// <summary>The agency's seal at the time of issue, placed on the PDF.</summary>
    public Guid? SealFileId { get; set; }
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
