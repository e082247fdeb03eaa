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

    /// <summary>A blank page encrypted with the user password "user" (qpdf, AES-128).</summary>
    private const string EncryptedPdf =
        "JVBERi0xLjYKJb/3ov4KMSAwIG9iago8PCAvUGFnZXMgNSAwIFIgL1R5cGUgL0NhdGFsb2cgL1ZpZXdlclByZWZlcmVuY2VzIDw8" +
        "IC9EaXNwbGF5RG9jVGl0bGUgdHJ1ZSAvVHlwZSAvVmlld2VyUHJlZmVyZW5jZXMgPj4gPj4KZW5kb2JqCjIgMCBvYmoKPDwgL1R5" +
        "cGUgL09ialN0bSAvTGVuZ3RoIDMzNiAvRmlsdGVyIC9GbGF0ZURlY29kZSAvTiAzIC9GaXJzdCAxNiA+PgpzdHJlYW0KceAwIUmg" +
        "Ak0/WAGrxGP/c1GAYbUu+UCkUMBYJg/luKDAL1wWTzDOM4/uXOSf3uzU1lRd16R61RT4cKW0wNPK4QACZyB+sgOrClymXTNkb3Xk" +
        "02akcB6DpkKvoPRMx9ihqIYyHH6pRRg9T86E3qXKPbf7Hbk3W91JN5PJWApo1Yv2A5vUGnCWQ09+T+zSpjj0qw4dUgPpMfZtgopT" +
        "ASiKcv22X21X6jlv+5wIUx5KcDjXgQUtlSiDZkQCB9Br9aeigArHNErfF5HgNgcrFxHXHXUi3wsa/iV/3UW0WVZm6OJiajRl1qWT" +
        "7bYQD8VEmPL2LIasuK7yAlDPUYh2YLNLuEeCSVrEVf+3wywQFbazBmFF1JWGlb26HnUWi7Pg0p9oqZ1GEW07/VyqNWeAeOo8aprH" +
        "2RyH1O3kUPoO2g2xrBLucn4hCaQRXfOPd/UJ7FK+ZW5kc3RyZWFtCmVuZG9iago2IDAgb2JqCjw8IC9MZW5ndGggMzIgL0ZpbHRl" +
        "ciAvRmxhdGVEZWNvZGUgPj4Kc3RyZWFtCp/Y6FFNL7emrCq19aZp7/9ZWBd5OqdNT9v3bxz0Ue+WZW5kc3RyZWFtCmVuZG9iago3" +
        "IDAgb2JqCjw8IC9DRiA8PCAvU3RkQ0YgPDwgL0F1dGhFdmVudCAvRG9jT3BlbiAvQ0ZNIC9BRVNWMiAvTGVuZ3RoIDE2ID4+ID4+" +
        "IC9GaWx0ZXIgL1N0YW5kYXJkIC9MZW5ndGggMTI4IC9PIDwwYmEzODM1Zjg4ZjkwMzg4ZTc0ZTU0NTg0MTI1Y2UxNDJiZTBkZTI0" +
        "YzZiMGQzNzc0NmUwNzViODkxNzU2NjcxPiAvUCAtNCAvUiA0IC9TdG1GIC9TdGRDRiAvU3RyRiAvU3RkQ0YgL1UgPDQ3ZjU0MDEx" +
        "NmQ1YzUwZWMyZjQ0NWE1NDU1MzU5ZWNkMDEyMjQ1NmE5MWJhZTUxMzQyNzNhNmRiMTM0Yzg3YzQ+IC9WIDQgPj4KZW5kb2JqCjgg" +
        "MCBvYmoKPDwgL1R5cGUgL1hSZWYgL0xlbmd0aCA0MCAvRmlsdGVyIC9GbGF0ZURlY29kZSAvRGVjb2RlUGFybXMgPDwgL0NvbHVt" +
        "bnMgNCAvUHJlZGljdG9yIDEyID4+IC9XIFsgMSAyIDEgXSAvSW5mbyAzIDAgUiAvUm9vdCAxIDAgUiAvU2l6ZSA5IC9JRCBbPDZm" +
        "Y2U3NTljZTM4NTk3ZWQxNjFlMzQ2ODU3ODRkZGFjPjw2ZmNlNzU5Y2UzODU5N2VkMTYxZTM0Njg1Nzg0ZGRhYz5dIC9FbmNyeXB0" +
        "IDcgMCBSID4+CnN0cmVhbQp4nGNiAAImRgZ+BiYGhkoQqwrEYmCEEP+ZrP4BWWlAMUZtBgA/UgPkCmVuZHN0cmVhbQplbmRvYmoK" +
        "c3RhcnR4cmVmCjk3MwolJUVPRgo=";

    [Fact]
    public void Read_EncryptedPdf_SaysEncrypted()
    {
        var e = Should.Throw<ReportReadException>(() => ReportFile.Read(Convert.FromBase64String(EncryptedPdf)));

        e.Message.ShouldBe("PDF 文件已加密，无法读取；请提供未加密的版本");
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
