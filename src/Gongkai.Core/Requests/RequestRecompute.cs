using System.Globalization;
using Gongkai.Core.Audit;
using Gongkai.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Core.Requests;

/// <summary>What a recomputation found.</summary>
public sealed record RecomputeReport(int Checked, IReadOnlyList<string> Corrected);

/// <summary>
/// Replays every request's history and puts right the copies kept on the request (status, outcome,
/// receipt, decision and closing dates) wherever they differ: after restoring a partial backup,
/// a manual database repair, or an upgrade that changes how a history is folded. Due dates need
/// no recomputing: they are never stored. Run by <c>gongkai requests recompute</c>.
/// </summary>
public sealed class RequestRecompute(GongkaiDbContext db, RequestLedger ledger, AuditLog audit, OfficeClock clock)
{
    private const int Batch = 500;

    public async Task<RecomputeReport> RunAsync(AuditActor actor, CancellationToken cancellationToken = default)
    {
        var corrected = new List<string>();
        var checkedCount = 0;
        var lastId = 0;
        while (true)
        {
            var requests = await db.Requests.Where(r => r.Id > lastId).OrderBy(r => r.Id).Take(Batch).ToListAsync(cancellationToken);
            if (requests.Count == 0)
                break;
            var ids = requests.Select(r => r.Id).ToList();
            var events = (await db.RequestEvents.AsNoTracking().Where(e => ids.Contains(e.RequestId)).ToListAsync(cancellationToken)).ToLookup(e => e.RequestId);
            foreach (var request in requests)
            {
                var before = (request.Status, request.Outcome, request.ReceivedOn, request.DecidedOn, request.ClosedOn);
                RequestLedger.Derive(request, await ledger.ClockAsync(request, events[request.Id].OrderBy(e => e.Sequence), cancellationToken));
                if (before == (request.Status, request.Outcome, request.ReceivedOn, request.DecidedOn, request.ClosedOn))
                    continue;
                request.Version++;
                request.UpdatedAt = clock.UtcNow;
                corrected.Add(request.Number);
                audit.Record(actor, AuditAction.RequestStepRecorded, "Request", request.Id.ToString(CultureInfo.InvariantCulture),
                    $"申请 {request.Number}：按办理记录重新计算状态和日期（原为{before.Status}）");
            }
            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
            checkedCount += requests.Count;
            lastId = ids[^1];
        }
        return new RecomputeReport(checkedCount, corrected);
    }
}
