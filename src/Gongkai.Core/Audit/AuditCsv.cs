using System.Globalization;

namespace Gongkai.Core.Audit;

/// <summary>The audit log as CSV for spreadsheet programs (<see cref="Csv.Spreadsheet"/>): UTF-8 with a byte-order mark so Excel reads Chinese.</summary>
public static class AuditCsv
{
    public static readonly string[] Header = ["编号", "北京时间", "时间（UTC）", "操作人", "操作人ID", "操作", "操作代码", "对象类型", "对象ID", "摘要", "来源IP"];

    public static async Task WriteAsync(IAsyncEnumerable<AuditEntry> entries, Stream output, CancellationToken cancellationToken = default)
    {
        await using var csv = Csv.Writer(output, leaveOpen: true);
        await csv.WriteRecordAsync(Header, cancellationToken);
        await foreach (var e in entries.WithCancellation(cancellationToken))
        {
            await csv.WriteRecordAsync([
                e.Id.ToString(CultureInfo.InvariantCulture),
                ChinaTime.FromUtc(e.At).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
                e.At.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
                e.ActorName,
                e.ActorId?.ToString() ?? "",
                e.Action.Label(),
                e.Action.ToString(),
                e.EntityType,
                e.EntityId,
                e.Summary,
                e.ClientIp ?? "",
            ], cancellationToken);
        }
    }
}
