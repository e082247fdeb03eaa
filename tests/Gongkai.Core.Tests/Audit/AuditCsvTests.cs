using System.Text;
using Gongkai.Core.Audit;

namespace Gongkai.Core.Tests.Audit;

public sealed class AuditCsvTests
{
    [Theory]
    [InlineData("普通文字", "\"普通文字\"")]
    [InlineData("他说\"好\"", "\"他说\"\"好\"\"\"")]
    [InlineData("=HYPERLINK(\"x\")", "\"'=HYPERLINK(\"\"x\"\")\"")]
    [InlineData("+1", "\"'+1\"")]
    [InlineData("-1", "\"'-1\"")]
    [InlineData("@SUM(A1)", "\"'@SUM(A1)\"")]
    public void Cell_Value_QuotedAndFormulaDefused(string value, string expected) =>
        Csv.Cell(value).ShouldBe(expected);

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
}
