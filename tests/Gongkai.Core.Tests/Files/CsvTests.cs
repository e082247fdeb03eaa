using System.Text;

namespace Gongkai.Core.Tests.Files;

/// <summary>The spreadsheet CSV of Core (<see cref="Csv"/>): what it writes, Excel opens as text, and it reads back the same.</summary>
public sealed class CsvTests
{
    /// <summary>Cells a spreadsheet or a naive reader gets wrong.</summary>
    public static TheoryData<string> Awkward() =>
    [
        "普通文字", "", "a,b", "他说\"好\"", "\"", "第一行\n第二行", "回车\r\n换行", "末尾换行\n", "=HYPERLINK(\"http://x\",\"点我\")", "+1", "-1", "@SUM(A1)",
        "\t制表符开头", "\r回车开头", "\"=1\"", " =1", " 前后空格 ", "\uFEFF开头的BOM", "中间的=号", "'普通撇号",
    ];

    [Theory]
    [InlineData("普通文字", "\"普通文字\"")]
    [InlineData("他说\"好\"", "\"他说\"\"好\"\"\"")]
    [InlineData("a,b", "\"a,b\"")]
    [InlineData("=HYPERLINK(\"x\")", "\"'=HYPERLINK(\"\"x\"\")\"")]
    [InlineData("+1", "\"'+1\"")]
    [InlineData("-1", "\"'-1\"")]
    [InlineData("@SUM(A1)", "\"'@SUM(A1)\"")]
    [InlineData("\tA1", "\"'\tA1\"")]
    [InlineData("\rA1", "\"'\rA1\"")]
    [InlineData("", "\"\"")]
    [InlineData("\"=1\"", "\"\"\"=1\"\"\"")]
    [InlineData(" =1", "\" =1\"")]
    public void Line_Cell_QuotedAndFormulaDefused(string value, string expected) =>
        Csv.Line([value]).ShouldBe(expected + "\r\n");

    [Fact]
    public void Line_NullCell_IsAnEmptyQuotedCell() =>
        Csv.Line(["a", null, "b"]).ShouldBe("\"a\",\"\",\"b\"\r\n");

    [Theory]
    [MemberData(nameof(Awkward))]
    public void Records_WhatTheWriterWrote_ReadsBackTheSameCell(string value)
    {
        var bytes = Write([["表头", "值", "尾"], ["前", value, "后"]]);

        var records = Read(bytes);

        records.Select(r => r.Cells.Count).ShouldBe([3, 3]);
        records[1].Cells.Select(Csv.Undefuse).ShouldBe(["前", value, "后"]);
    }

    [Fact]
    public void Writer_Output_StartsWithOneBomAndEndsEachRecordWithCrLf()
    {
        var bytes = Write([["甲", "乙"], ["1", "2"]]);

        bytes[..3].ShouldBe(new byte[] { 0xEF, 0xBB, 0xBF });
        Encoding.UTF8.GetString(bytes[3..]).ShouldBe("\"甲\",\"乙\"\r\n\"1\",\"2\"\r\n");
    }

    [Fact]
    public void Records_LineBreaksInsideQuotes_CountTowardsTheNextRecordsLine()
    {
        var records = Csv.Records("\uFEFF标题,说明\r\n\"多\r\n行\",x\r\n\r\n下一条,y\n").ToList();

        records.Select(r => r.Line).ShouldBe([1, 2, 5]);
        records[0].Cells.ShouldBe(["标题", "说明"], "the BOM is not part of the first cell");
        records[1].Cells.ShouldBe(["多\r\n行", "x"]);
        records[2].Cells.ShouldBe(["下一条", "y"]);
    }

    [Theory]
    [InlineData("a;b;c\n1;2;3\n")]
    [InlineData("a\tb\n1\t2\n")]
    [InlineData("sep=;\na;b\n")]
    public void Records_OtherSeparators_AreNeverGuessed(string text) =>
        Csv.Records(text).ShouldAllBe(r => r.Cells.Count == 1);

    [Theory]
    [InlineData("'=1", "=1")]
    [InlineData("'-", "-")]
    [InlineData("'普通", "'普通")]
    [InlineData("'", "'")]
    [InlineData("=1", "=1")]
    public void Undefuse_Cell_TakesOffOnlyTheWritersApostrophe(string cell, string expected) =>
        Csv.Undefuse(cell).ShouldBe(expected);

    private static byte[] Write(IEnumerable<string[]> records)
    {
        using var output = new MemoryStream();
        using (var csv = Csv.Writer(output, leaveOpen: true))
        {
            foreach (var record in records)
                csv.WriteRecord(record);
        }
        return output.ToArray();
    }

    private static List<CsvRecord> Read(byte[] bytes)
    {
        using var reader = new StreamReader(new MemoryStream(bytes), Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        return [.. Csv.Records(reader)];
    }
}
