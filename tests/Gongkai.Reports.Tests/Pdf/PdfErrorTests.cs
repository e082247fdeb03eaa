using Gongkai.Reports.Writing;

namespace Gongkai.Reports.Tests.Pdf;

/// <summary>Tests that change the process environment run alone, never beside other PDF tests.</summary>
[CollectionDefinition(nameof(ToolEnvironment), DisableParallelization = true)]
public sealed class ToolEnvironment;

/// <summary>PDFs the reader cannot read, and missing tools: each a ReportReadException with a Chinese message.</summary>
[Collection(nameof(ToolEnvironment))]
public class PdfErrorTests
{
    private const string OnePixelPng =
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==";

    [Fact]
    public void Read_PdftotextMissing_SaysHowToInstall()
    {
        var pdf = PdfFixtures.Report2021.Pdf;
        var saved = Environment.GetEnvironmentVariable("GONGKAI_PDFTOTEXT");
        Environment.SetEnvironmentVariable("GONGKAI_PDFTOTEXT", "/nonexistent/pdftotext");
        try
        {
            var e = Should.Throw<ReportReadException>(() => ReportFile.Read(pdf));

            e.Message.ShouldBe("未找到 pdftotext，无法读取 PDF；请安装 poppler-utils（apt-get install poppler-utils）");
        }
        finally
        {
            Environment.SetEnvironmentVariable("GONGKAI_PDFTOTEXT", saved);
        }
    }

    [Fact]
    public void Render_ChromiumMissing_SaysHowToInstall()
    {
        var saved = Environment.GetEnvironmentVariable("GONGKAI_CHROMIUM");
        Environment.SetEnvironmentVariable("GONGKAI_CHROMIUM", "/nonexistent/chromium");
        try
        {
            var e = Should.Throw<InvalidOperationException>(() => ChromiumPdf.Render("<p>测试</p>"));

            e.Message.ShouldBe("未找到 Chromium，无法生成 PDF；请安装 chromium（apt-get install chromium）");
        }
        finally
        {
            Environment.SetEnvironmentVariable("GONGKAI_CHROMIUM", saved);
        }
    }

    [Fact]
    public void Read_CorruptPdf_SaysDamaged()
    {
        var bytes = System.Text.Encoding.ASCII.GetBytes("%PDF-1.4\n" + new string('x', 2000) + "\n%%EOF");

        var e = Should.Throw<ReportReadException>(() => ReportFile.Read(bytes));

        e.Message.ShouldContain("PDF 文件已损坏");
    }

    [Fact]
    public void Read_ImageOnlyPdf_SaysNoTextLayer()
    {
        var pdf = ChromiumPdf.Render($"<!DOCTYPE html><html><body><img src=\"data:image/png;base64,{OnePixelPng}\" width=\"400\" height=\"300\"></body></html>");

        var e = Should.Throw<ReportReadException>(() => ReportFile.Read(pdf));

        e.Message.ShouldContain("没有文字层");
        e.Message.ShouldContain("扫描件");
    }

    [Fact]
    public void Read_PdfWithoutReport_SaysNothingFound()
    {
        var pdf = ChromiumPdf.Render("<!DOCTYPE html><html><head><meta charset=\"utf-8\"></head><body><p>会议通知：请各单位按时参加。</p></body></html>");

        var e = Should.Throw<ReportReadException>(() => ReportFile.Read(pdf));

        e.Message.ShouldContain("没有找到政府信息公开工作年度报告");
    }
}
