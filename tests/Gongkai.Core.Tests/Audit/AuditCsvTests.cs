using System.Text;
using Gongkai.Core.Audit;
using Gongkai.Core.Tests.Files;

namespace Gongkai.Core.Tests.Audit;

public sealed class AuditCsvTests
{
    [Fact]
    public async Task WriteAsync_Entries_Utf8WithBomHeaderAndBeijingTime()
    {
        var entry = new AuditEntry
        {
            Id = 7, At = new DateTime(2026, 1, 31, 16, 5, 0, DateTimeKind.Utc), ActorName = "系统", Action = AuditAction.AgencyCreated,
            EntityType = "Agency", EntityId = "3", Summary = "新建机关“示范市教育局”",
        };
        using var output = new MemoryStream();

        await AuditCsv.WriteAsync(new[] { entry }.ToAsyncEnumerable(), output);

        var bytes = output.ToArray();
        bytes.Take(3).ShouldBe(new byte[] { 0xEF, 0xBB, 0xBF });
        var lines = Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        lines[0].ShouldStartWith("\"编号\",\"北京时间\"");
        lines[1].ShouldBe("\"7\",\"2026-02-01 00:05:00\",\"2026-01-31T16:05:00Z\",\"系统\",\"\",\"新建机关\",\"AgencyCreated\",\"Agency\",\"3\",\"新建机关“示范市教育局”\",\"\"");
    }

    [Theory]
    [MemberData(nameof(CsvTests.Awkward), MemberType = typeof(CsvTests))]
    public async Task WriteAsync_AwkwardSummary_ReadsBackTheSameCells(string summary)
    {
        var entry = new AuditEntry
        {
            Id = 8, At = new DateTime(2026, 1, 31, 16, 5, 0, DateTimeKind.Utc), ActorName = "-管理员", Action = AuditAction.AgencyCreated,
            EntityType = "Agency", EntityId = "3", Summary = summary, ClientIp = "=1+1",
        };
        using var output = new MemoryStream();

        await AuditCsv.WriteAsync(new[] { entry }.ToAsyncEnumerable(), output);
        output.Position = 0;
        using var reader = new StreamReader(output, Encoding.UTF8);
        var records = Csv.Records(reader).ToList();

        records.Count.ShouldBe(2);
        records[0].Cells.ShouldBe(AuditCsv.Header);
        var cells = records[1].Cells.Select(Csv.Undefuse).ToList();
        (cells[3], cells[9], cells[10]).ShouldBe(("-管理员", summary, "=1+1"));
        records[1].Cells[3].ShouldBe("'-管理员", "a spreadsheet shows it as text");
    }
}
