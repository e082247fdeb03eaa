using System.Globalization;
using Gongkai.Core.Agencies;
using Gongkai.Core.Calendar;
using Gongkai.Core.Demo;
using Gongkai.Core.Storage;
using Gongkai.Domain.Calendar;
using Gongkai.Domain.Requests;

namespace Gongkai.Core.Requests.Demo;

/// <summary>
/// The demo region's caseload: requests at the volumes of a real city — a few hundred a year for the
/// 政府办公室, tens for a bureau, a handful for a street office — from November two years ago until
/// about two months ago, every one received, decided and delivered on the working-day calendar with
/// the outcome mix and applicant mix of real reports, and the reviews and lawsuits some of them bring
/// (with cases not tied to a request, and one 复议后起诉 after each upheld review that is sued).
/// Written straight into the history tables (each history replayed through <see cref="RequestClock"/>,
/// which refuses an unlawful one), without letters, so the demo loads in a second or two; the
/// hand-written scenarios (<see cref="RequestDemo"/>) show every step with its letters.
/// </summary>
internal sealed class DemoVolumes(GongkaiDbContext db, CalendarStore calendars, OfficeClock clock) : IDemoStep
{
    public int Order => 450;

    /// <summary>Requests a year, by agency.</summary>
    private static readonly (string Agency, int PerYear)[] Volumes =
    [
        ("city", 36), ("city.office", 340), ("city.ndrc", 28), ("city.education", 34), ("city.police", 62), ("city.land", 130),
        ("city.environment", 38), ("city.housing", 86), ("city.health", 31),
        ("mingde", 14), ("mingde.office", 92), ("mingde.land", 41), ("mingde.housing", 47), ("mingde.wenchang", 11), ("mingde.heping", 9),
        ("linjiang", 12), ("linjiang.office", 71), ("linjiang.housing", 36), ("linjiang.education", 16), ("linjiang.binjiang", 8), ("linjiang.jiangkou", 6),
        ("anlan", 9), ("anlan.office", 52), ("anlan.agriculture", 21), ("anlan.chengguan", 13), ("anlan.baishi", 4),
    ];

    /// <summary>Outcomes per thousand requests, roughly the national mix of recent reports.</summary>
    private static readonly (Outcome Outcome, int PerMille)[] OutcomeMix =
    [
        (Outcome.Granted, 360), (Outcome.PartiallyGranted, 80), (Outcome.DeniedStateSecret, 2), (Outcome.DeniedProhibitedByLaw, 5),
        (Outcome.DeniedThreeSecurityOneStability, 5), (Outcome.DeniedThirdPartyRights, 20), (Outcome.DeniedInternalAffairs, 10),
        (Outcome.DeniedProcessInformation, 20), (Outcome.DeniedEnforcementCaseFile, 8), (Outcome.DeniedAdministrativeQuery, 20),
        (Outcome.NotHeld, 190), (Outcome.NeedsCreation, 30), (Outcome.UnclearAfterCorrection, 15), (Outcome.PetitionOrComplaint, 30),
        (Outcome.Duplicate, 25), (Outcome.Publication, 5), (Outcome.MassRepeated, 5), (Outcome.ConfirmOrReissue, 5),
        (Outcome.NoCorrection, 50), (Outcome.Other, 115),
    ];

    /// <summary>Organisations per thousand requests, by the index of <see cref="DemoApplicants.Organisation"/> (the rest are people).</summary>
    private static readonly (int Organisation, int PerMille)[] OrganisationMix = [(1, 35), (5, 25), (0, 30), (2, 5), (3, 5), (4, 20)];

    private static readonly string[] Subjects =
    [
        "年度部门预算和决算", "行政处罚决定书", "行政许可审批结果", "专项资金分配和使用情况", "重大建设项目批准文件", "政府采购和招标结果",
        "工作人员招录公示", "信访事项办理情况", "规范性文件制定依据", "会议纪要", "统计数据", "检查结果通报", "征收补偿方案", "规划许可证及附图",
    ];

    private static readonly string[] Surnames = ["王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "胡", "朱", "高", "林", "何", "郭", "马", "罗"];
    private static readonly string[] Given = ["伟", "芳", "娜", "秀英", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛", "明", "超", "秀兰", "霞", "平", "刚", "桂英", "建华", "文"];

    private readonly Random random = new(2027);

    public async Task RunAsync(DemoContext context, CancellationToken cancellationToken)
    {
        var today = clock.Today;
        var national = await calendars.ForAgencyAsync(context.Agencies["city"].Id, cancellationToken);
        var first = new DateOnly(today.Year - 2, 11, 1);
        var lastDecision = RequestDemo.Back(national, today, 40);
        var cases = new List<(InformationRequest Request, List<RequestEvent> History)>();
        var person = 0;
        foreach (var (key, perYear) in Volumes)
        {
            var agency = context.Agencies[key];
            var calendar = await calendars.ForAgencyAsync(agency.Id, cancellationToken);
            var days = lastDecision.DayNumber - first.DayNumber;
            var count = perYear * days / 365;
            for (var i = 0; i < count; i++)
            {
                var received = Working(calendar, first.AddDays(random.Next(days)));
                var history = History(calendar, received, Pick(OutcomeMix));
                if (history[^1].Date > lastDecision)
                    continue;
                var request = Request(agency, received, ++person, history);
                RequestLedger.Derive(request, RequestClock.Replay(history, calendar));
                cases.Add((request, history));
            }
        }
        db.Requests.AddRange(cases.Select(c => c.Request));
        await db.SaveChangesAsync(cancellationToken);
        foreach (var (request, history) in cases)
        {
            db.RequestEvents.AddRange(history.Select((e, i) => new RequestEventRecord
            {
                RequestId = request.Id, Sequence = i + 1, Kind = RequestEventJson.Kind(e), Date = e.Date, Payload = RequestEventJson.Write(e),
                RecordedByName = "演示数据", RecordedAt = ChinaTime.StartOfDayUtc(e.Date).AddHours(10),
            }));
        }
        await db.SaveChangesAsync(cancellationToken);
        DemoSeeder.ForgetSavedRows(db);
        var reviews = await ReviewsAsync(cases.Select(c => c.Request), context, today, cancellationToken);
        context.Summary.Add($"按真实城市规模生成的历史申请 {cases.Count} 件（{first.Year}年11月起），行政复议、行政诉讼 {reviews} 件");
    }

    /// <summary>The steps of one request from its receipt to the delivery of its answer.</summary>
    private List<RequestEvent> History(WorkingCalendar calendar, DateOnly received, Outcome outcome)
    {
        var history = new List<RequestEvent> { new Received(received, (Channel)random.Next(5)) };
        DateOnly At(DateOnly from, int min, int max) => calendar.AddWorkingDays(from, random.Next(min, max + 1));
        var corrected = outcome is Outcome.NoCorrection or Outcome.UnclearAfterCorrection || random.Next(100) < 6;
        var from = received;
        if (corrected)
        {
            // The notice handed over or sent online the day it is written: its 10 working days run from then.
            var notice = At(received, 2, 6);
            var deadline = calendar.AddWorkingDays(notice, 10);
            history.Add(new CorrectionRequested(notice, null, "请写明所需信息的名称、文号或者便于查询的其他特征性描述。", 10));
            history.Add(new Delivered(notice, "电子送达", history.Count, DeliveryChannel.Electronic));
            if (outcome == Outcome.NoCorrection)
            {
                var closed = At(deadline, 1, 4);
                history.Add(new Decided(closed, outcome, "申请人无正当理由逾期未补正，视为放弃申请"));
                history.Add(new Delivered(At(closed, 0, 2), "邮寄"));
                return history;
            }
            from = At(notice, 2, 9);
            history.Add(new CorrectionReceived(from));
        }
        if (outcome == Outcome.Other)
        {
            history.Add(new Withdrawn(At(from, 1, 10), "申请人撤回申请"));
            return history;
        }
        if (outcome == Outcome.MassRepeated)
        {
            // 第三十五条: reasons asked for first; the applicant let the period pass.
            var asked = At(from, 1, 3);
            history.Add(new ReasonsRequested(asked, 10));
            history.Add(new Delivered(asked, "邮寄送达", history.Count, DeliveryChannel.Post));
            from = calendar.AddWorkingDays(asked, 10);
        }
        var decided = At(from, outcome == Outcome.MassRepeated ? 1 : 3, outcome == Outcome.MassRepeated ? 5 : 19);
        history.Add(new Decided(decided, outcome, outcome == Outcome.Granted ? "" : Reason(outcome)));
        history.Add(new Delivered(At(decided, 0, 2), random.Next(3) == 0 ? "邮寄" : "电子邮件"));
        return history;
    }

    private InformationRequest Request(Agency agency, DateOnly received, int n, IReadOnlyList<RequestEvent> history)
    {
        var roll = random.Next(1000);
        var organisation = -1;
        foreach (var (index, perMille) in OrganisationMix)
        {
            if (roll < perMille)
            {
                organisation = index;
                break;
            }
            roll -= perMille;
        }
        var description = $"请公开{agency.Name}{received.Year - random.Next(2)}年{Subjects[random.Next(Subjects.Length)]}。";
        var input = organisation >= 0
            ? DemoApplicants.Organisation(organisation, agency.Id, description, DeliveryForm.Electronic)
            : Person(n, agency.Id, description);
        var submitted = ChinaTime.StartOfDayUtc(received).AddHours(9);
        var delivered = history[^1].Date;
        return new InformationRequest
        {
            AgencyId = agency.Id, TrackingCode = TrackingCode.Generate(), Channel = ((Received)history[0]).Channel,
            ApplicantType = input.ApplicantType, ApplicantName = input.ApplicantName, IdentityDocument = input.IdentityDocument,
            IdentityNumber = input.IdentityNumber, LegalRepresentative = input.LegalRepresentative, ContactName = input.ContactName,
            Phone = input.Phone, Email = input.Email, Address = input.Address, PostalCode = input.PostalCode,
            Description = input.Description, DeliveryForm = input.DeliveryForm,
            IdentityKey = Duplicates.IdentityKey(input.IdentityNumber), ContactKey = Duplicates.ContactKey(input.ApplicantName, input.Phone),
            SubmittedAt = submitted, Status = RequestStatus.Submitted, Version = history.Count + 1,
            UpdatedAt = ChinaTime.StartOfDayUtc(delivered).AddHours(10),
        };
    }

    /// <summary>One of many people: varied names, plausible resident identity numbers of division 990102, phones of an unassigned block.</summary>
    private static RequestInput Person(int n, int agencyId, string description)
    {
        var name = Surnames[n % Surnames.Length] + Given[n / Surnames.Length % Given.Length];
        var body = string.Create(CultureInfo.InvariantCulture, $"990102{1950 + n % 55:D4}{n % 12 + 1:D2}{n % 28 + 1:D2}{n % 1000:D3}");
        int[] weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
        var sum = 0;
        for (var i = 0; i < 17; i++)
            sum += (body[i] - '0') * weights[i];
        return new RequestInput
        {
            AgencyId = agencyId, ApplicantType = ApplicantType.NaturalPerson, ApplicantName = name,
            IdentityDocument = IdentityDocument.ResidentIdCard, IdentityNumber = body + "10X98765432"[sum % 11],
            Phone = string.Create(CultureInfo.InvariantCulture, $"13909{n % 1000000:D6}"), Description = description, DeliveryForm = DeliveryForm.Electronic,
        };
    }

    /// <summary>
    /// Reviews of some refusals (about one in fifteen), a lawsuit after some upheld reviews, a few direct
    /// lawsuits, and complaints about proactive disclosure not tied to any request; the latest still
    /// waiting for the office's answer. Returns how many.
    /// </summary>
    private async Task<int> ReviewsAsync(IEnumerable<InformationRequest> requests, DemoContext context, DateOnly today, CancellationToken cancellationToken)
    {
        var calendar = await calendars.ForAgencyAsync(context.Agencies["city"].Id, cancellationToken);
        var count = 0;
        var number = 100;
        ReviewCaseRecord Add(int agencyId, int? requestId, ReviewKind kind, string subject, string? applicant, DateOnly filed, ReviewCaseRecord? of = null)
        {
            filed = Working(calendar, filed);
            var copy = calendar.AddWorkingDays(filed, random.Next(3, 8));
            var concluded = calendar.AddWorkingDays(filed, random.Next(30, 60));
            var open = concluded > today.AddDays(-20);
            var result = open ? ReviewResult.Pending : random.Next(100) switch { < 70 => ReviewResult.Upheld, < 85 => ReviewResult.Corrected, _ => ReviewResult.Other };
            var answered = calendar.AddWorkingDays(copy, random.Next(3, kind == ReviewKind.Review ? 10 : 11));
            var review = new ReviewCaseRecord
            {
                AgencyId = agencyId, RequestId = requestId, Kind = kind, Subject = subject, ApplicantName = applicant, FiledOn = filed,
                CopyReceivedOn = copy > today ? null : copy, AnsweredOn = answered > today ? null : answered,
                Authority = kind == ReviewKind.Review ? "示范市人民政府" : "示范市中级人民法院",
                CaseNumber = kind == ReviewKind.Review
                    ? string.Create(CultureInfo.InvariantCulture, $"示政复〔{filed.Year}〕{++number}号")
                    : string.Create(CultureInfo.InvariantCulture, $"（{filed.Year}）示01行初{++number}号"),
                Result = result, ConcludedOn = open ? null : concluded, Version = 1, UpdatedAt = ChinaTime.StartOfDayUtc(open ? filed : concluded),
            };
            review.ReviewOfId = of?.Id;
            db.ReviewCases.Add(review);
            count++;
            return review;
        }
        foreach (var request in requests.Where(r => r.Outcome is { } o && o != Outcome.Other && Outcomes.Of(o).IsRefusal || r.Outcome == Outcome.NotHeld))
        {
            var filed = request.ClosedOn!.Value.AddDays(random.Next(10, 50));
            if (filed > today || random.Next(15) != 0)
                continue;
            if (Remedies.ReviewFirst(request.Outcome!.Value) || random.Next(3) > 0)
            {
                var review = Add(request.AgencyId, request.Id, ReviewKind.Review, ReviewCases.RequestSubject, request.ApplicantName, filed);
                if (review.Result == ReviewResult.Upheld && random.Next(4) == 0 && review.ConcludedOn!.Value.AddDays(12) <= today)
                {
                    await db.SaveChangesAsync(cancellationToken);
                    Add(request.AgencyId, request.Id, ReviewKind.LitigationAfterReview, ReviewCases.RequestSubject, request.ApplicantName,
                        review.ConcludedOn.Value.AddDays(12), review);
                }
            }
            else
                Add(request.AgencyId, request.Id, ReviewKind.LitigationWithoutReview, ReviewCases.RequestSubject, request.ApplicantName, filed);
        }
        var office = context.Agencies["city.office"].Id;
        foreach (var (months, subject) in new[] { (16, "认为本机关未依法主动公开城市更新项目的征收补偿方案"), (9, "认为本机关未按规定公开重大行政决策的征求意见情况") })
            Add(office, null, ReviewKind.Review, subject, "刘建国", today.AddMonths(-months));
        // A complaint about proactive disclosure received last week: the answer is still due (staff reminders).
        var live = Add(context.Agencies["city.land"].Id, null, ReviewKind.Review, "认为本机关未依法主动公开国有建设用地供应计划", "王秀兰", RequestDemo.Back(calendar, today, 8));
        live.CopyReceivedOn = RequestDemo.Back(calendar, today, 4);
        live.AnsweredOn = null;
        await db.SaveChangesAsync(cancellationToken);
        return count;
    }

    private T Pick<T>((T Value, int PerMille)[] mix)
    {
        var roll = random.Next(mix.Sum(m => m.PerMille));
        foreach (var (value, perMille) in mix)
        {
            if (roll < perMille)
                return value;
            roll -= perMille;
        }
        return mix[^1].Value;
    }

    private static string Reason(Outcome outcome) => outcome switch
    {
        Outcome.PartiallyGranted => "申请公开的信息中含有个人隐私，依据条例第十五条、第三十七条对该部分作区分处理后予以公开。",
        Outcome.DeniedStateSecret => "该信息经依法确定为国家秘密，依据条例第十四条不予公开。",
        Outcome.DeniedProhibitedByLaw => "该信息属于法律、行政法规禁止公开的信息，依据条例第十四条不予公开。",
        Outcome.DeniedThreeSecurityOneStability => "公开后可能危及国家安全、公共安全、经济安全、社会稳定，依据条例第十四条不予公开。",
        Outcome.DeniedThirdPartyRights => "该信息涉及第三方个人隐私，第三方不同意公开，依据条例第十五条不予公开。",
        Outcome.DeniedInternalAffairs => "该信息属于内部事务信息，依据条例第十六条第一款不予公开。",
        Outcome.DeniedProcessInformation => "该信息属于过程性信息，依据条例第十六条第二款不予公开。",
        Outcome.DeniedEnforcementCaseFile => "该信息属于行政执法案卷信息，依据条例第十六条第二款不予公开。",
        Outcome.DeniedAdministrativeQuery => "该信息属于行政查询事项，请依照有关规定办理查询。",
        Outcome.NotHeld => "经检索，本机关未制作或获取该信息。",
        Outcome.NeedsCreation => "申请的信息需要本机关对现有信息进行加工、分析，依据条例第三十八条不予提供。",
        Outcome.UnclearAfterCorrection => "补正后仍未能说明所需信息的名称、文号或者其他特征性描述。",
        Outcome.PetitionOrComplaint => "申请内容为信访、投诉、举报事项，已告知通过相应渠道提出。",
        Outcome.Duplicate => "申请人就同一信息重复申请，本机关已作出答复。",
        Outcome.Publication => "所需信息为公开出版物，已告知获取途径。",
        Outcome.MassRepeated => "申请人短期内大量反复提出申请，经要求说明理由，理由不合理。",
        Outcome.ConfirmOrReissue => "申请人要求对已获取的信息予以确认，依据条例第三十八条不予处理。",
        _ => "依法作出答复。",
    };

    /// <summary>The first working day on or after the date.</summary>
    private static DateOnly Working(WorkingCalendar calendar, DateOnly date)
    {
        while (!calendar.IsWorkingDay(date))
            date = date.AddDays(1);
        return date;
    }
}
