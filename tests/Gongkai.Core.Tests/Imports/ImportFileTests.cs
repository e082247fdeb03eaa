using System.Text;
using Gongkai.Core.Imports;
using Gongkai.Core.Tests.Files;

namespace Gongkai.Core.Tests.Imports;

public sealed class ImportFileTests
{
    private static readonly ImportColumn[] Columns = [new("title", "标题", Required: true), new("note", "备注")];

    [Theory]
    [MemberData(nameof(CsvTests.Awkward), MemberType = typeof(CsvTests))]
    public void Read_CsvAsTheExportWritesIt_SameCellsAndStartingLines(string value)
    {
        var csv = ImportFile.Header(Columns) + Csv.Line(["第一条", value]) + "\r\n" + Csv.Line([value, "第二条"]);
        var bytes = Encoding.UTF8.GetBytes("\uFEFF" + csv);

        var source = ImportFile.Read(() => new MemoryStream(bytes), "导入.csv", Columns);
        var rows = source.Rows.ToList();

        source.HeaderError.ShouldBeNull();
        rows.Select(r => (r.Cells["title"], r.Cells["note"], r.Error)).ShouldBe([("第一条", value, null), (value, "第二条", null)]);
        var firstLines = 1 + value.Count(c => c == '\n') + (value.Replace("\r\n", "\n", StringComparison.Ordinal).Count(c => c == '\r'));
        rows.Select(r => r.Line).ShouldBe([2, 2 + firstLines + 1]);
    }

    [Fact]
    public void Read_MoreCellsThanTheHeader_RowErrorNamesTheQuoting()
    {
        var bytes = Encoding.UTF8.GetBytes("标题,备注\n关于预算,说明,多出的一格\n");

        var row = ImportFile.Read(() => new MemoryStream(bytes), "导入.csv", Columns).Rows.ShouldHaveSingleItem();

        (row.Line, row.Error).ShouldBe((2, "有3列，表头只有2列（内容中含逗号、引号或换行时，整格须用英文双引号括起）"));
    }
}
