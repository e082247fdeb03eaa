using Gongkai.Core.Files;
using Gongkai.Core.Requests;
using Gongkai.Core.Requests.Letters;
using Microsoft.AspNetCore.Mvc;

namespace Gongkai.Web.Requests;

/// <summary>Downloads of a case's letters and files, for the page that has already decided who may see the case.</summary>
public sealed class CaseFiles(LetterService letters, FileStore files)
{
    public async Task<IActionResult> LetterAsync(RequestCase c, int letterId, string? format, bool applicant, CancellationToken cancellationToken)
    {
        var letter = c.Letters.FirstOrDefault(l => l.Id == letterId && (l.ForApplicant || !applicant));
        if (letter is null)
            return new NotFoundResult();
        // Applicants get the original PDF only; the Word file is the office's working copy.
        return await DownloadAsync(await letters.FileAsync(letter, applicant ? "pdf" : format, cancellationToken), cancellationToken);
    }

    public async Task<IActionResult> AttachmentAsync(RequestCase c, Guid fileId, bool applicant, CancellationToken cancellationToken)
    {
        var found = (applicant ? c.ApplicantAttachments : c.Attachments).FirstOrDefault(a => a.File.Id == fileId);
        return found.File is null ? new NotFoundResult() : await DownloadAsync(found.File, cancellationToken);
    }

    private async Task<IActionResult> DownloadAsync(StoredFile file, CancellationToken cancellationToken) =>
        new FileStreamResult(await files.OpenReadAsync(file, cancellationToken), file.ContentType) { FileDownloadName = file.FileName };
}
