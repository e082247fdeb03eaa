using Gongkai.Core.Storage;
using Gongkai.Domain.Requests;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Core.Requests;

/// <summary>An earlier request of the same applicant for similar information.</summary>
public sealed record DuplicateMatch(int Id, string Number, RequestStatus Status, Outcome? Outcome, DateTime SubmittedAt, string Description, double Similarity);

/// <summary>
/// 重复申请 candidates at the same agency: the same applicant (identity number, or name and phone)
/// asking for similar information (<see cref="Duplicates"/>). A warning only; staff decide.
/// </summary>
public sealed class DuplicateFinder(GongkaiDbContext db)
{
    public async Task<IReadOnlyList<DuplicateMatch>> FindAsync(int agencyId, string? identityNumber, string applicantName, string phone,
        string description, int? excludeId = null, CancellationToken cancellationToken = default)
    {
        var identityKey = Duplicates.IdentityKey(identityNumber);
        var contactKey = Duplicates.ContactKey(applicantName, phone);
        var same = await db.Requests.AsNoTracking()
            .Where(r => r.AgencyId == agencyId && r.Id != excludeId
                && (r.ContactKey == contactKey || (identityKey != null && r.IdentityKey == identityKey)))
            .OrderByDescending(r => r.Id).Take(200)
            .Select(r => new { r.Id, r.SubmittedAt, r.Status, r.Outcome, r.Description })
            .ToListAsync(cancellationToken);
        return [.. same
            .Select(r => new DuplicateMatch(r.Id, InformationRequest.NumberOf(r.Id, r.SubmittedAt), r.Status, r.Outcome, r.SubmittedAt, r.Description, Duplicates.Similarity(description, r.Description)))
            .Where(m => m.Similarity >= Duplicates.SimilarityThreshold)
            .OrderByDescending(m => m.Similarity)];
    }

    public Task<IReadOnlyList<DuplicateMatch>> ForAsync(InformationRequest r, CancellationToken cancellationToken = default) =>
        FindAsync(r.AgencyId, r.IdentityNumber, r.ApplicantName, r.Phone, r.Description, r.Id, cancellationToken);
}
