using Gongkai.Core.Calendar;
using Gongkai.Core.Requests;
using Gongkai.Domain.Calendar;
using Gongkai.Web.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Web.Pages.Admin.Calendar;

/// <summary>
/// /admin/calendar/{id}?year=: one layer's year as twelve months, its dates, the year's confirmation,
/// and a trial computation of a due date on the calendar this layer gives its agency.
/// </summary>
public sealed class LayerModel(CalendarStore calendars, OfficeClock clock, CurrentUser me) : PageModel
{
    [FromRoute] public int Id { get; set; }
    [FromQuery] public int? Year { get; set; }
    [BindProperty] public DateOnly? Date { get; set; }
    [BindProperty] public DayKind Kind { get; set; } = DayKind.RestDay;
    [BindProperty] public string? Note { get; set; }
    [BindProperty] public string Source { get; set; } = "";
    [FromQuery] public DateOnly? From { get; set; }
    [FromQuery] public int? Days { get; set; }
    [TempData] public string? Message { get; set; }

    public StoredCalendarLayer Layer { get; private set; } = null!;
    public WorkingCalendar Effective { get; private set; } = null!;
    public int ShownYear => Year ?? clock.Today.Year;
    public IReadOnlyList<string>? Trace { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
            return NotFound();
        if (From is { } from && Days is { } days and >= 0 and <= 200)
            Trace = [.. Effective.Trace(from, days).Describe()];
        return Page();
    }

    public async Task<IActionResult> OnPostSetAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
            return NotFound();
        if (Date is not { } date)
        {
            ModelState.AddModelError(nameof(Date), "请选择日期。");
            return Page();
        }
        var result = await calendars.SetDayAsync(Id, date, Kind, Note, me.Actor, cancellationToken);
        if (!result.Succeeded)
        {
            foreach (var e in result.Errors)
                ModelState.AddModelError(e.Field, e.Message);
            return Page();
        }
        return Done($"已把{WorkingDayTrace.Format(date)}设为{DayKinds.Label(Kind)}。在办申请的期限已按修改后的日历重新计算。", date.Year);
    }

    public async Task<IActionResult> OnPostRemoveAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken) || Date is not { } date)
            return NotFound();
        await calendars.RemoveDayAsync(Id, date, me.Actor, cancellationToken);
        return Done($"已取消{WorkingDayTrace.Format(date)}的安排。在办申请的期限已按修改后的日历重新计算。", date.Year);
    }

    public async Task<IActionResult> OnPostConfirmAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
            return NotFound();
        var result = await calendars.ConfirmYearAsync(Id, ShownYear, Source, me.Actor, cancellationToken);
        if (!result.Succeeded)
        {
            foreach (var e in result.Errors)
                ModelState.AddModelError(e.Field, e.Message);
            return Page();
        }
        return Done($"已确认{ShownYear}年的安排。", ShownYear);
    }

    private RedirectResult Done(string message, int year)
    {
        Message = message;
        return Redirect($"/admin/calendar/{Id}?year={year}");
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        if ((await calendars.LayersAsync(cancellationToken)).FirstOrDefault(l => l.Id == Id) is not { } layer)
            return false;
        Layer = layer;
        Effective = layer.AgencyId is { } agency ? await calendars.ForAgencyAsync(agency, cancellationToken) : await calendars.NationalAsync(cancellationToken);
        return true;
    }
}
