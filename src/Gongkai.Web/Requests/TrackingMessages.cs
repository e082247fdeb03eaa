using System.Globalization;
using Gongkai.Core;
using Gongkai.Core.Requests;

namespace Gongkai.Web.Requests;

/// <summary>What the tracking page and API tell about a locked 查询码 and about wrong answers given for it.</summary>
public static class TrackingMessages
{
    public static string Locked(DateTime untilUtc) =>
        $"该查询码验证信息错误次数过多，已暂停查询至{Time(untilUtc)}（北京时间）。如需帮助，请联系受理机关。";

    public static string Notice(FailedTries tries) =>
        string.Create(CultureInfo.InvariantCulture,
            $"自上次查询以来，有人使用您的查询码进行了{tries.Count}次验证信息不正确的查询（最近一次：{Time(tries.LastAt)}，北京时间）。如非本人所为，请妥善保管查询码。");

    private static string Time(DateTime utc) => ChinaTime.FromUtc(utc).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
}
