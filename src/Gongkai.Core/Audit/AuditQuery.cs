namespace Gongkai.Core.Audit;

/// <summary>Filters for reading the audit log; dates are Beijing days, both ends included.</summary>
public sealed record AuditQuery
{
    public DateOnly? From { get; init; }
    public DateOnly? To { get; init; }
    public AuditAction? Action { get; init; }
    public string? Actor { get; init; }

    public IQueryable<AuditEntry> Apply(IQueryable<AuditEntry> entries)
    {
        if (From is { } from)
        {
            var start = ChinaTime.StartOfDayUtc(from);
            entries = entries.Where(e => e.At >= start);
        }
        if (To is { } to)
        {
            var end = ChinaTime.StartOfDayUtc(to.AddDays(1));
            entries = entries.Where(e => e.At < end);
        }
        if (Action is { } action) entries = entries.Where(e => e.Action == action);
        if (!string.IsNullOrWhiteSpace(Actor))
        {
            var actor = Actor.Trim();
            entries = entries.Where(e => e.ActorName.Contains(actor));
        }
        return entries.OrderByDescending(e => e.Id);
    }
}
