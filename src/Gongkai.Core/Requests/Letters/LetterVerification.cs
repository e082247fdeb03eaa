using System.Security.Cryptography;
using System.Text;
using Gongkai.Core.Security;
using Gongkai.Core.Storage;
using Gongkai.Domain.Requests;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Core.Requests.Letters;

/// <summary>What the uploaded PDF is, compared with the stored original.</summary>
public enum FileCheck
{
    /// <summary>No file was given.</summary>
    NotGiven,

    /// <summary>Byte for byte the original (same SHA-256).</summary>
    Unchanged,

    /// <summary>Not the original: changed, or another file.</summary>
    Changed,
}

/// <summary>A genuine letter as /verify shows it: who issued what, when, to whom (masked); and the file's check.</summary>
public sealed record VerifiedLetter(string Number, string Signatory, string Title, DateOnly IssuedOn, string Addressee, FileCheck File);

/// <summary>
/// /verify: a letter is genuine when its number and verification code match one the platform issued;
/// an uploaded PDF is unchanged when its SHA-256 is the stored original's. An unknown number and a
/// wrong code get the same answer, so the page tells nothing to someone guessing.
/// </summary>
public sealed class LetterVerification(GongkaiDbContext db, UploadInspector inspector)
{
    public async Task<Result<VerifiedLetter?>> VerifyAsync(string? number, string? code, Stream? pdf, CancellationToken cancellationToken = default)
    {
        var errors = new List<FieldError>();
        var wanted = Normalize(number);
        if (wanted.Length is 0 or > 100)
            errors.Add(new("Number", "请填写文书上的文号，如“示府办依复〔2026〕12号”。"));
        if (!TrackingCode.TryParse(code, out var parsed))
            errors.Add(new("Code", "验证码格式不正确：验证码为12位字母和数字，印在文书末尾，如 ABCD-EFGH-JKLM。"));
        byte[]? content = null;
        if (pdf is not null)
        {
            content = await ReadAsync(pdf, cancellationToken);
            if (content.Length > inspector.MaxBytes)
                errors.Add(new("Pdf", $"文件过大：不能超过 {inspector.MaxBytes / (1024 * 1024)} MB。"));
            else if (!content.AsSpan().StartsWith("%PDF-"u8))
                errors.Add(new("Pdf", "请上传 PDF 文件（收到的文书原件）。"));
        }
        if (errors.Count > 0)
            return Result<VerifiedLetter?>.Failure(errors);

        var letter = await db.RequestLetters.AsNoTracking().SingleOrDefaultAsync(l => l.Number == wanted, cancellationToken);
        if (letter?.VerificationCode is not { } expected
            || !CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(parsed)))
            return Result<VerifiedLetter?>.Success(null);
        var check = FileCheck.NotGiven;
        if (content is not null)
        {
            var original = letter.PdfFileId is { } id ? await db.StoredFiles.AsNoTracking().Where(f => f.Id == id).Select(f => f.Sha256).SingleAsync(cancellationToken) : null;
            check = original == Convert.ToHexStringLower(SHA256.HashData(content)) ? FileCheck.Unchanged : FileCheck.Changed;
        }
        return Result<VerifiedLetter?>.Success(new VerifiedLetter(letter.Number, letter.Signatory, letter.Title, letter.IssuedOn,
            Masking.Name(letter.Addressee), check));
    }

    /// <summary>文号 as people type it: brackets of any kind for 〔〕, no spaces.</summary>
    public static string Normalize(string? number)
    {
        var text = new StringBuilder();
        foreach (var c in (number ?? "").Normalize(NormalizationForm.FormKC))
        {
            if (char.IsWhiteSpace(c))
                continue;
            text.Append(c switch
            {
                '[' or '(' or '【' or '〖' or '［' => '〔',
                ']' or ')' or '】' or '〗' or '］' => '〕',
                _ => c,
            });
        }
        return text.ToString();
    }

    private async Task<byte[]> ReadAsync(Stream pdf, CancellationToken cancellationToken)
    {
        using var copy = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while (copy.Length <= inspector.MaxBytes && (read = await pdf.ReadAsync(chunk, cancellationToken)) > 0)
            copy.Write(chunk, 0, read);
        return copy.ToArray();
    }
}
