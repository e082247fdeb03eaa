using System.Globalization;
using Gongkai.Domain.Calendar;

namespace Gongkai.Domain.Requests;

/// <summary>When the office's answer to a review or lawsuit is due, what is due, and how the date was reached.</summary>
public sealed record ReviewAnswerDue(DateOnly Due, string What, IReadOnlyList<string> Explanation);

/// <summary>
/// The time the respondent agency has to answer, counted from the day it received the copy of the
/// application or complaint (that day not counted):
/// <list type="bullet">
/// <item>行政复议: the written 答复 with the evidence and the basis of the act within 10 days
/// (行政复议法 2023 第四十八条), and the law's 三日, 五日, 七日, 十日 are working days
/// (第八十八条第二款);</item>
/// <item>行政诉讼 (with or without a review first): the 答辩状 with the evidence and the normative
/// documents relied on within 15 days (行政诉讼法第六十七条第一款), calendar days; a period ending on
/// a rest day ends on the next working day (民事诉讼法第八十五条, applied by 行政诉讼法第一百零一条).</item>
/// </list>
/// </summary>
public static class ReviewDeadlines
{
    public const int ReviewWorkingDays = 10;
    public const int LitigationDays = 15;

    public static ReviewAnswerDue AnswerDue(ReviewKind kind, DateOnly copyReceivedOn, WorkingCalendar calendar)
    {
        if (kind == ReviewKind.Review)
        {
            var trace = calendar.Trace(copyReceivedOn, ReviewWorkingDays);
            return new(trace.Due, "行政复议答复书，以及作出行政行为的证据、依据和其他有关材料",
                [$"依据《中华人民共和国行政复议法》第四十八条，被申请人应当自收到申请书副本或者申请笔录复印件之日起十日内提出书面答复；第八十八条第二款规定“十日”指工作日",
                 .. trace.Describe()]);
        }
        var end = copyReceivedOn.AddDays(LitigationDays);
        var due = end;
        while (!calendar.IsWorkingDay(due))
            due = due.AddDays(1);
        var lines = new List<string>
        {
            "依据《中华人民共和国行政诉讼法》第六十七条第一款，被告应当在收到起诉状副本之日起十五日内提交作出行政行为的证据和所依据的规范性文件，并提出答辩状",
            $"起算日：{Day(copyReceivedOn)}（当日不计入），向后计算{LitigationDays.ToString(CultureInfo.InvariantCulture)}日：{Day(end)}",
        };
        if (due != end)
            lines.Add($"{Day(end)}{(calendar.NoteOf(end) is { } note ? $"（{note}）" : "")}为休息日，期间届满日顺延至其后的第一个工作日{Day(due)}（民事诉讼法第八十五条，行政诉讼法第一百零一条）");
        if (!calendar.IsConfirmed(due.Year))
            lines.Add("注意：期间涉及的年度尚未公布节假日安排，暂按周一至周五工作日判断休息日，公布后将自动重算");
        return new(due, "答辩状，以及作出行政行为的证据和所依据的规范性文件", lines);
    }

    private static string Day(DateOnly date) => WorkingDayTrace.Format(date);
}
