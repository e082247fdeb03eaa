using System.Globalization;
using Gongkai.Core.Calendar;
using Gongkai.Core.Requests;
using Gongkai.Core.Storage;
using Gongkai.Domain.Calendar;
using Gongkai.Domain.Requests;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Core.Imports;

/// <summary>The columns of requests.csv (see docs/import/requests.csv).</summary>
public static class RequestColumns
{
    public static readonly IReadOnlyList<ImportColumn> All =
    [
        new("caseNumber", "原案件编号", Required: true),
        new("agencyCode", "机关统一社会信用代码", Required: true),
        new("receivedOn", "收到申请日期", Required: true),
        new("channel", "提交方式", Required: true),
        new("applicantType", "申请人类型", Required: true),
        new("applicantName", "申请人"),
        new("description", "申请内容"),
        new("correctionRequestedOn", "补正告知日期"),
        new("correctionReceivedOn", "收到补正日期"),
        new("reasonsRequestedOn", "要求说明理由日期"),
        new("feeBasis", "计收方式"),
        new("feeQuantity", "计收数量"),
        new("feeNotifiedOn", "收费通知日期"),
        new("feePaidOn", "缴费日期"),
        new("outcome", "办理结果"),
        new("decidedOn", "答复日期"),
        new("deliveredOn", "送达日期"),
        new("deliveryChannel", "送达方式"),
    ];

    /// <summary>An outcome by its row of table 三 (results.granted), its code (Granted) or its label (予以公开).</summary>
    public static Outcome? Outcome(string text) =>
        Outcomes.Parse(text) ?? Enum.GetValues<Outcome>().Cast<Outcome?>().FirstOrDefault(o => Outcomes.Of(o!.Value).Label == text);
}

/// <summary>
/// Historical requests (依申请公开案件) from the old system, one CSV row each: stored as a history of
/// events with their legal dates — 收到申请, 补正, 说明理由, 收费 and 缴费, 答复, 送达 — folded by
/// <see cref="RequestClock"/> like any case, so every statistic and the annual report count them
/// unchanged. The old case number is kept and makes the case read-only history. A history the
/// clock refuses (a decision before receipt, a fee before 2021 …) refuses the row with the clock's reason.
/// </summary>
internal sealed class RequestImport(GongkaiDbContext db, CalendarStore calendars, RequestRulesStore rules, TimeProvider clock) : IRowImporter
{
    private const string Reason = "历史案件，自原系统导入";

    private Dictionary<string, int>? agencies;
    private readonly Dictionary<int, (WorkingCalendar Calendar, RequestRules Rules)> clocks = [];

    public ImportKind Kind => ImportKind.Requests;

    public IReadOnlyList<ImportColumn> Columns => RequestColumns.All;

    public string? KeyOf(ImportRow row) => row.Optional("caseNumber") is { } number ? $"{row["agencyCode"].ToUpperInvariant()}:{number}" : null;

    public void Forget() { }

    public async Task<IReadOnlyList<RowOutcome>> ImportAsync(IReadOnlyList<ImportRow> rows, ImportContext context, CancellationToken cancellationToken)
    {
        agencies ??= await db.Agencies.AsNoTracking().ToDictionaryAsync(a => a.OrganizationCode, a => a.Id, StringComparer.Ordinal, cancellationToken);
        var numbers = rows.Select(r => r["caseNumber"]).ToList();
        var existing = (await db.Requests.AsNoTracking().Where(r => numbers.Contains(r.ImportedCaseNumber!))
                .Select(r => new { r.AgencyId, r.ImportedCaseNumber }).ToListAsync(cancellationToken))
            .Select(r => (r.AgencyId, r.ImportedCaseNumber!)).ToHashSet();
        var now = clock.GetUtcNow().UtcDateTime;
        var today = DateOnly.FromDateTime(ChinaTime.FromUtc(now));
        var outcomes = new List<RowOutcome>();
        var added = new List<(InformationRequest Request, List<RequestEvent> History)>();
        foreach (var row in rows)
        {
            var errors = new List<string>();
            var v = new ImportValues(row, errors);
            var number = v.Text("caseNumber", "原案件编号", 100, required: true);
            var code = v.Text("agencyCode", "机关统一社会信用代码", 18, required: true).ToUpperInvariant();
            if (!agencies.TryGetValue(code, out var agencyId))
            {
                outcomes.Add(RowOutcome.Refuse($"统一社会信用代码为{code}的机关不存在（请先导入机关）"));
                continue;
            }
            if (existing.Contains((agencyId, number)))
            {
                outcomes.Add(RowOutcome.Existing);
                continue;
            }
            var history = History(v, errors, today, out var received);
            var channel = v.Choice<Channel>("channel", "提交方式", Channels.Label, required: true);
            var type = v.Choice<ApplicantType>("applicantType", "申请人类型", ApplicantTypes.Label, required: true);
            var name = v.Optional("applicantName", "申请人", 200) ?? "（原系统未载明）";
            var description = v.Optional("description", "申请内容", 4000) ?? "（历史案件，原系统未导出申请内容）";
            if (errors.Count > 0 || channel is null || type is null || received is null)
            {
                outcomes.Add(RowOutcome.Refuse(string.Join("；", errors)));
                continue;
            }
            history.Insert(0, new Received(received.Value, channel.Value));
            var request = New(agencyId, number, channel.Value, type.Value, name, description, received.Value, now);
            var (calendar, agencyRules) = await ClockOfAsync(agencyId, cancellationToken);
            try
            {
                RequestLedger.Derive(request, RequestClock.FromRecord(Legal(history, agencyRules), calendar, agencyRules, RequestLedger.SubmittedOn(request)));
            }
            catch (RequestRuleException e)
            {
                outcomes.Add(RowOutcome.Refuse("办理记录不成立：" + e.Message));
                continue;
            }
            db.Requests.Add(request);
            added.Add((request, Legal(history, agencyRules)));
            outcomes.Add(RowOutcome.Added);
        }
        if (added.Count == 0) return outcomes;
        await db.SaveChangesAsync(cancellationToken);
        foreach (var (request, history) in added)
        {
            for (var i = 0; i < history.Count; i++)
                db.RequestEvents.Add(new RequestEventRecord
                {
                    RequestId = request.Id, Sequence = i + 1, Kind = RequestEventJson.Kind(history[i]), Date = history[i].Date,
                    Payload = RequestEventJson.Write(history[i]), RecordedById = context.Actor.Id,
                    RecordedByName = context.Actor.Name.Length > 100 ? context.Actor.Name[..100] : context.Actor.Name, RecordedAt = now,
                });
        }
        return outcomes;
    }

    /// <summary>The steps after receipt, in their legal order, from the row's dates (placeholders for the periods the agency's rules supply).</summary>
    private static List<RequestEvent> History(ImportValues v, List<string> errors, DateOnly today, out DateOnly? received)
    {
        received = v.Date("receivedOn", "收到申请日期", required: true);
        var history = new List<RequestEvent>();
        if (v.Date("correctionRequestedOn", "补正告知日期") is { } correction) history.Add(new CorrectionRequested(correction, null, Reason, 0));
        if (v.Date("correctionReceivedOn", "收到补正日期") is { } corrected) history.Add(new CorrectionReceived(corrected));
        if (v.Date("reasonsRequestedOn", "要求说明理由日期") is { } reasons) history.Add(new ReasonsRequested(reasons, 0));
        var notified = v.Date("feeNotifiedOn", "收费通知日期");
        var basis = v.Choice<FeeBasis>("feeBasis", "计收方式", Fees.Label, otherwise: FeeBasis.PerRequest);
        var quantity = v.Number("feeQuantity", "计收数量");
        if (notified is { } on)
        {
            if (quantity is not > 0) errors.Add("有收费通知时请填写计收数量（按件为当月第几件，按量为页数）");
            else if (basis is { } b) history.Add(new FeeNotified(on, b, quantity.Value, Fees.Amount(b, quantity.Value)));
        }
        if (v.Date("feePaidOn", "缴费日期") is { } paid)
        {
            if (notified is null) errors.Add("有缴费日期时请填写收费通知日期");
            history.Add(new FeePaid(paid));
        }
        var outcomeText = v.Text("outcome", "办理结果", 100);
        var decided = v.Date("decidedOn", "答复日期");
        var outcome = outcomeText.Length == 0 ? null : RequestColumns.Outcome(outcomeText);
        if (outcomeText.Length > 0 && outcome is null) errors.Add($"办理结果“{outcomeText}”无效，应为年度报告表三的办理结果（如“予以公开”或 results.granted）");
        if (outcome is not null && decided is null) errors.Add("有办理结果时请填写答复日期");
        if (outcomeText.Length == 0 && decided is not null) errors.Add("有答复日期时请填写办理结果");
        if (outcome is { } o && decided is { } d) history.Add(new Decided(d, o, Reason));
        if (v.Date("deliveredOn", "送达日期") is { } delivered)
        {
            if (outcome is null) errors.Add("没有答复时不能填写送达日期");
            var channel = v.Choice<DeliveryChannel>("deliveryChannel", "送达方式", CaseSimulation.DeliveryMethod);
            // Of: the decision's place in the history once the receipt is put first (1-based).
            history.Add(new Delivered(delivered, channel is { } c ? CaseSimulation.DeliveryMethod(c) : "历史案件导入（原系统未载明送达方式）",
                outcome is null ? null : history.Count + 1, channel));
        }
        foreach (var step in history.Prepend(new Received(received ?? today, Channel.InPerson)))
            if (step.Date > today) errors.Add($"{RequestEventText.Describe(step)}的日期不能晚于今天");
        if (received is { } start && history.FirstOrDefault(h => h.Date < start) is { } early)
            errors.Add($"{RequestEventText.Describe(early)}的日期早于收到申请日期");
        return history;
    }

    /// <summary>The periods the agency's rules give a 补正 and a request for reasons, in place of the row's placeholders.</summary>
    private static List<RequestEvent> Legal(List<RequestEvent> history, RequestRules rules) =>
        [.. history.Select(e => e switch
        {
            CorrectionRequested c => c with { PeriodWorkingDays = rules.CorrectionPeriodDefault },
            ReasonsRequested r => r with { PeriodWorkingDays = rules.ReasonsPeriodDefault },
            _ => e,
        })];

    private async Task<(WorkingCalendar, RequestRules)> ClockOfAsync(int agencyId, CancellationToken cancellationToken)
    {
        if (!clocks.TryGetValue(agencyId, out var found))
            clocks[agencyId] = found = (await calendars.ForAgencyAsync(agencyId, cancellationToken), await rules.ForAgencyAsync(agencyId, cancellationToken));
        return found;
    }

    private static InformationRequest New(int agencyId, string number, Channel channel, ApplicantType type, string name, string description,
        DateOnly received, DateTime now) => new()
    {
        AgencyId = agencyId,
        ImportedCaseNumber = number,
        TrackingCode = TrackingCode.Generate(),
        Channel = channel,
        ApplicantType = type,
        ApplicantName = name,
        IdentityNumber = "",
        Phone = "",
        Description = description,
        ContactKey = Duplicates.ContactKey(name, ""),
        SubmittedAt = ChinaTime.StartOfDayUtc(received).AddHours(9),
        Status = RequestStatus.Submitted,
        Version = 1,
        UpdatedAt = now,
    };
}
