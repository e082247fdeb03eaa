using Gongkai.Core.Agencies;
using Gongkai.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Core.Requests;

/// <summary>Loads a case: for staff through their agency scope (outside it, not found), for an applicant once their tracking code or account is checked.</summary>
public sealed class RequestCases(GongkaiDbContext db, RequestLedger ledger, OfficeClock clock)
{
    public async Task<RequestCase?> FindAsync(int id, AgencyScope scope, CancellationToken cancellationToken = default)
    {
        var request = await scope.Apply(db.Requests.AsNoTracking(), r => r.AgencyId).SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
        return request is null ? null : await LoadAsync(request, cancellationToken);
    }

    /// <summary>For the applicant: the caller has checked the code and second factor, or the account.</summary>
    public async Task<RequestCase> ForApplicantAsync(int id, CancellationToken cancellationToken = default) =>
        await LoadAsync(await db.Requests.AsNoTracking().SingleAsync(r => r.Id == id, cancellationToken), cancellationToken);

    /// <summary>The account a request was submitted from, if any (null also for an id that does not exist).</summary>
    public async Task<Guid?> OwnerAsync(int id, CancellationToken cancellationToken = default) =>
        await db.Requests.Where(r => r.Id == id).Select(r => r.ApplicantUserId).SingleOrDefaultAsync(cancellationToken);

    private async Task<RequestCase> LoadAsync(InformationRequest request, CancellationToken cancellationToken)
    {
        var agency = await db.Agencies.AsNoTracking().SingleAsync(a => a.Id == request.AgencyId, cancellationToken);
        var history = await ledger.HistoryAsync(request.Id, cancellationToken);
        var requestClock = await ledger.ClockAsync(request, history, cancellationToken);
        var letters = await db.RequestLetters.AsNoTracking().Where(l => l.RequestId == request.Id).OrderBy(l => l.Id).ToListAsync(cancellationToken);
        var attachments = await (from a in db.RequestAttachments.AsNoTracking()
                                 join f in db.StoredFiles.AsNoTracking() on a.FileId equals f.Id
                                 where a.RequestId == request.Id
                                 orderby a.Id
                                 select new { a, f }).ToListAsync(cancellationToken);
        var messages = await db.RequestMessages.AsNoTracking().Where(m => m.RequestId == request.Id).OrderBy(m => m.Id).ToListAsync(cancellationToken);
        var reviews = await db.ReviewCases.AsNoTracking().Where(r => r.RequestId == request.Id).OrderBy(r => r.FiledOn).ThenBy(r => r.Id).ToListAsync(cancellationToken);
        var assignee = request.AssigneeId is { } assigneeId
            ? await db.Users.Where(u => u.Id == assigneeId).Select(u => u.DisplayName).SingleOrDefaultAsync(cancellationToken)
            : null;
        var from = request.TransferredFromId is { } fromId ? (await LinksAsync(r => r.Id == fromId, cancellationToken)).SingleOrDefault() : null;
        var to = await LinksAsync(r => r.TransferredFromId == request.Id, cancellationToken);
        return new RequestCase(request, agency, requestClock, clock.Today, history, letters,
            [.. attachments.Select(x => (x.a, x.f))], messages, reviews, assignee, from, to);
    }

    private async Task<IReadOnlyList<LinkedRequest>> LinksAsync(System.Linq.Expressions.Expression<Func<InformationRequest, bool>> which,
        CancellationToken cancellationToken)
    {
        var rows = await (from r in db.Requests.AsNoTracking().Where(which)
                          join a in db.Agencies.AsNoTracking() on r.AgencyId equals a.Id
                          select new { r, a.Name }).ToListAsync(cancellationToken);
        return [.. rows.Select(x => new LinkedRequest(x.r.Id, x.r.Number, x.r.TrackingCode, x.Name, x.r.Status))];
    }
}
