using System.Diagnostics;
using System.Text;

namespace Gongkai.Reports.Tests;

/// <summary>Bad input gives a clear Chinese error or a report, quickly: never a crash or a hang.</summary>
public sealed class HostileInputTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("gongkai-hostile-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Read_EmptyFile_SaysEmpty()
    {
        var path = Write("empty.txt", []);

        Should.Throw<ReportReadException>(() => ReportFile.Read(path)).Message.ShouldBe("文件为空");
    }

    [Fact]
    public void Read_MissingFile_SaysMissing()
    {
        Should.Throw<ReportReadException>(() => ReportFile.Read(Path.Combine(_dir, "none.pdf"))).Message.ShouldContain("文件不存在");
    }

    [Fact]
    public void Read_Folder_SaysItIsAFolder()
    {
        Should.Throw<ReportReadException>(() => ReportFile.Read(_dir)).Message.ShouldBe($"这是文件夹，不是文件：{_dir}");
    }

    [Fact]
    public void Read_BinaryJunk_SaysNotAReportFormat()
    {
        var junk = new byte[200_000];
        new Random(7).NextBytes(junk);
        junk[0] = 0x01;

        Should.Throw<ReportReadException>(() => ReportFile.Read(Write("junk.pdf", junk))).Message.ShouldContain("不是可识别");
    }

    [Theory]
    [InlineData(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A }, "图片")]
    [InlineData(new byte[] { 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1 }, "DOCX")]
    [InlineData(new byte[] { 0x1F, 0x8B, 0x08, 0x00 }, "压缩文件")]
    public void Read_OtherKnownFormats_SaysWhatToProvide(byte[] head, string hint)
    {
        var bytes = head.Concat(new byte[1000]).ToArray();

        Should.Throw<ReportReadException>(() => ReportFile.Read(bytes)).Message.ShouldContain(hint);
    }

    [Fact]
    public void Read_FiftyMegabyteFile_RefusedBeforeReading()
    {
        var path = Path.Combine(_dir, "big.txt");
        using (var f = File.Create(path))
            f.SetLength(50L * 1024 * 1024);
        var watch = Stopwatch.StartNew();

        var error = Should.Throw<ReportReadException>(() => ReportFile.Read(path));

        error.Message.ShouldContain("文件过大（50.0 MB）");
        watch.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public void Read_TextWithoutAnyReport_SaysNothingFound()
    {
        var text = string.Concat(Enumerable.Repeat("今天天气很好，我们去公园散步。\n", 100));

        Should.Throw<ReportReadException>(() => ReportFile.ReadText(text)).Message.ShouldContain("没有找到政府信息公开工作年度报告");
    }

    [Fact]
    public void Read_HugeSingleLineOfText_FinishesWithAnAnswer()
    {
        // 10 MB in one line with no structure. The bound only guards against a hang (quadratic
        // work or catastrophic backtracking); speed is measured in bench/, not here.
        var sb = new StringBuilder("某局2022年政府信息公开工作年度报告\n一、总体情况\n");
        while (sb.Length < 10_000_000)
            sb.Append("收到申请办理结转公开复议诉讼12345自然人法人或其他组织");
        var watch = Stopwatch.StartNew();

        var read = ReportFile.ReadText(sb.ToString());

        read.Report.Year.ShouldBe(2022);
        watch.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(30));
    }

    private string Write(string name, byte[] bytes)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }
}
