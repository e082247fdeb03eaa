using System.Globalization;
using Gongkai.Core.Audit;
using Gongkai.Core.Storage;
using Gongkai.Domain.Calendar;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Core.Calendar;

/// <summary>
/// The stored working-day calendar: reading an agency's calendar (the national layer, then the
/// layers of its ancestors from the top down to its own), and the administrators' edits. Nothing
/// derived from the calendar is stored, so an edit moves every running deadline at once
/// (docs/decisions/0010). Loaded once per unit of work.
/// </summary>
public sealed class CalendarStore(GongkaiDbContext db, AuditLog audit, TimeProvider clock)
{
    private List<StoredCalendarLayer>? layers;
    private Dictionary<int, int?>? parents;
    private CalendarLayer? national;
    private readonly Dictionary<int, WorkingCalendar> byAgency = [];

    /// <summary>The calendar of the national layer only (the shipped one until the database holds its own).</summary>
    public async Task<WorkingCalendar> NationalAsync(CancellationToken cancellationToken = default)
    {
        await LoadAsync(cancellationToken);
        return new WorkingCalendar([National()]);
    }

    public async Task<WorkingCalendar> ForAgencyAsync(int agencyId, CancellationToken cancellationToken = default)
    {
        if (byAgency.TryGetValue(agencyId, out var cached))
            return cached;
        await LoadAsync(cancellationToken);
        var chain = new List<CalendarLayer>();
        for (int? at = agencyId; at is { } id; at = parents!.GetValueOrDefault(id))
        {
            if (layers!.Find(l => l.AgencyId == id) is { } local)
                chain.Add(local.ToLayer());
        }
        chain.Add(National());
        chain.Reverse();
        return byAgency[agencyId] = new WorkingCalendar(chain);
    }

    public async Task<IReadOnlyList<StoredCalendarLayer>> LayersAsync(CancellationToken cancellationToken = default)
    {
        await LoadAsync(cancellationToken);
        return layers!;
    }

    /// <summary>
    /// Stores the national layer's shipped years the database does not hold yet (all of them on a
    /// new database; a newly shipped year after an upgrade). Days an administrator already set are
    /// kept. Returns the years added.
    /// </summary>
    public async Task<IReadOnlyList<int>> ImportShippedYearsAsync(AuditActor actor, CancellationToken cancellationToken = default)
    {
        await using var transaction = await db.BeginOrJoinTransactionAsync(cancellationToken);
        var national = await db.CalendarLayers.Include(l => l.Days).Include(l => l.Years)
            .AsSplitQuery().SingleOrDefaultAsync(l => l.AgencyId == null, cancellationToken);
        if (national is null)
        {
            national = new StoredCalendarLayer { Name = NationalCalendar.LayerName, UpdatedAt = Now };
            db.CalendarLayers.Add(national);
        }
        var added = new List<int>();
        var known = national.Days.Select(d => d.Date).ToHashSet();
        foreach (var (year, shipped) in NationalCalendar.ShippedYears)
        {
            if (national.Years.Any(y => y.Year == year))
                continue;
            national.Years.Add(new StoredCalendarYear { Year = year, Source = shipped.ConfirmedYears[year] });
            foreach (var (date, day) in shipped.Days)
            {
                if (known.Add(date))
                    national.Days.Add(new StoredCalendarDay { Date = date, Kind = day.Kind, Note = day.Note });
            }
            added.Add(year);
        }
        if (added.Count > 0)
        {
            national.UpdatedAt = Now;
            await db.SaveChangesAsync(cancellationToken);
            audit.Record(actor, AuditAction.CalendarChanged, "CalendarLayer", Id(national.Id),
                $"导入国务院公布的{string.Join("、", added)}年节假日安排");
            await db.SaveChangesAsync(cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
        Forget();
        return added;
    }

    /// <summary>A provincial or local layer for an agency (its own and its subordinates' calendar).</summary>
    public async Task<StoredCalendarLayer> CreateLayerAsync(int agencyId, AuditActor actor, CancellationToken cancellationToken = default)
    {
        if (await db.CalendarLayers.SingleOrDefaultAsync(l => l.AgencyId == agencyId, cancellationToken) is { } existing)
            return existing;
        var agency = await db.Agencies.AsNoTracking().SingleOrDefaultAsync(a => a.Id == agencyId, cancellationToken)
            ?? throw new KeyNotFoundException($"机关 {agencyId} 不存在。");
        var layer = new StoredCalendarLayer { AgencyId = agencyId, Name = agency.Name, UpdatedAt = Now };
        db.CalendarLayers.Add(layer);
        await db.SaveChangesAsync(cancellationToken);
        audit.Record(actor, AuditAction.CalendarChanged, "CalendarLayer", Id(layer.Id), $"为“{agency.Name}”建立本地工作日安排（适用于本机关及下级机关）");
        await db.SaveChangesAsync(cancellationToken);
        Forget();
        return layer;
    }

    public async Task<Result<StoredCalendarDay>> SetDayAsync(int layerId, DateOnly date, DayKind kind, string? note, AuditActor actor,
        CancellationToken cancellationToken = default)
    {
        var layer = await FindAsync(layerId, cancellationToken);
        note = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        var weekend = date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;
        if (kind == DayKind.MakeUpWorkingDay && !weekend)
            return Result<StoredCalendarDay>.Failure("Kind", "调休上班日只能是星期六或星期日。");
        if (kind == DayKind.WorkingDay && weekend)
            return Result<StoredCalendarDay>.Failure("Kind", "星期六、星期日上班的，请选择“调休上班日”。");
        if (note is { Length: > 100 })
            return Result<StoredCalendarDay>.Failure("Note", "说明不能超过100个字。");
        if (date.Year is < 2000 or > 2100)
            return Result<StoredCalendarDay>.Failure("Date", "日期应在2000年至2100年之间。");

        var day = await db.CalendarDays.SingleOrDefaultAsync(d => d.LayerId == layerId && d.Date == date, cancellationToken);
        if (day is null)
            db.CalendarDays.Add(day = new StoredCalendarDay { LayerId = layerId, Date = date });
        day.Kind = kind;
        day.Note = note;
        layer.UpdatedAt = Now;
        audit.Record(actor, AuditAction.CalendarChanged, "CalendarLayer", Id(layerId),
            $"在“{layer.Name}”日历中把{Day(date)}设为{DayKinds.Label(kind)}" + (note is null ? "" : $"（{note}）"));
        await db.SaveChangesAsync(cancellationToken);
        Forget();
        return Result<StoredCalendarDay>.Success(day);
    }

    public async Task RemoveDayAsync(int layerId, DateOnly date, AuditActor actor, CancellationToken cancellationToken = default)
    {
        var layer = await FindAsync(layerId, cancellationToken);
        var day = await db.CalendarDays.SingleOrDefaultAsync(d => d.LayerId == layerId && d.Date == date, cancellationToken);
        if (day is null)
            return;
        db.CalendarDays.Remove(day);
        layer.UpdatedAt = Now;
        audit.Record(actor, AuditAction.CalendarChanged, "CalendarLayer", Id(layerId),
            $"在“{layer.Name}”日历中取消{Day(date)}的{DayKinds.Label(day.Kind)}安排，恢复按星期计算");
        await db.SaveChangesAsync(cancellationToken);
        Forget();
    }

    /// <summary>Marks a year's arrangements as announced (by the notice named), so explanations stop calling it unconfirmed.</summary>
    public async Task<Result<StoredCalendarYear>> ConfirmYearAsync(int layerId, int year, string source, AuditActor actor,
        CancellationToken cancellationToken = default)
    {
        var layer = await FindAsync(layerId, cancellationToken);
        source = source.Trim();
        if (source.Length == 0)
            return Result<StoredCalendarYear>.Failure("Source", "请填写公布安排的文件，例如“国办发明电〔2026〕X号”。");
        if (source.Length > 200)
            return Result<StoredCalendarYear>.Failure("Source", "文件名称不能超过200个字。");
        if (year is < 2000 or > 2100)
            return Result<StoredCalendarYear>.Failure("Year", "年份应在2000年至2100年之间。");
        var stored = await db.CalendarYears.SingleOrDefaultAsync(y => y.LayerId == layerId && y.Year == year, cancellationToken);
        if (stored is null)
            db.CalendarYears.Add(stored = new StoredCalendarYear { LayerId = layerId, Year = year, Source = source });
        stored.Source = source;
        layer.UpdatedAt = Now;
        audit.Record(actor, AuditAction.CalendarChanged, "CalendarLayer", Id(layerId), $"确认“{layer.Name}”{year}年的节假日安排（{source}）");
        await db.SaveChangesAsync(cancellationToken);
        Forget();
        return Result<StoredCalendarYear>.Success(stored);
    }

    private async Task<StoredCalendarLayer> FindAsync(int layerId, CancellationToken cancellationToken) =>
        await db.CalendarLayers.SingleOrDefaultAsync(l => l.Id == layerId, cancellationToken)
            ?? throw new KeyNotFoundException($"日历 {layerId} 不存在。");

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        layers ??= await db.CalendarLayers.AsNoTracking().Include(l => l.Days).Include(l => l.Years)
            .AsSplitQuery().ToListAsync(cancellationToken);
        parents ??= await db.Agencies.AsNoTracking().ToDictionaryAsync(a => a.Id, a => a.ParentId, cancellationToken);
    }

    private CalendarLayer National() => national ??= layers!.Find(l => l.IsNational)?.ToLayer() ?? NationalCalendar.Layer;

    private void Forget()
    {
        layers = null;
        parents = null;
        national = null;
        byAgency.Clear();
    }

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);

    private static string Day(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
