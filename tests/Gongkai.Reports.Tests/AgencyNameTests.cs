namespace Gongkai.Reports.Tests;

/// <summary>
/// The agency as the document prints it: a title that names only a region keeps the region,
/// unless the signature block, the site's header or the page's publisher names the organ of that
/// region that issued it; markup never reaches the name.
/// </summary>
public class AgencyNameTests
{
    private const string Body = "\n一、总体情况\n本年度依法做好政府信息公开工作。\n五、存在的主要问题及改进情况\n政策解读形式较为单一，下一步将丰富解读形式。\n六、其他需要报告的事项\n本年度未收取信息处理费。\n";

    [Theory]
    [InlineData("某某实验区2020年度政府信息公开工作年度报告" + Body, "某某实验区")]
    [InlineData("某某实验区2020年度政府信息公开工作年度报告" + Body + "某某实验区管理委员会\n2021年1月28日", "某某实验区管理委员会")]
    [InlineData("某某实验区2020年度政府信息公开工作年度报告" + Body + "某某实验区管理委员会 二〇二一年一月二十八日", "某某实验区管理委员会")]
    [InlineData("某某实验区2020年度政府信息公开工作年度报告" + Body + "某某实验区管理委员会", "某某实验区管理委员会")]
    [InlineData("甲县2020年度政府信息公开工作年度报告" + Body + "乙县人民政府办公室\n2021年1月28日", "甲县")]
    [InlineData("当前位置：首页 > 政府信息公开 > 县政府信息公开年报\n甲县2021年政府信息公开工作年度报告" + Body, "甲县人民政府")]
    [InlineData("甲市乙区人民政府门户网站\n甲市乙区2021年政府信息公开工作年度报告" + Body, "甲市乙区人民政府")]
    [InlineData("发布机构：某某实验区管理委员会办公室\n某某实验区2021年政府信息公开工作年度报告" + Body, "某某实验区管理委员会办公室")]
    [InlineData("发布机构：丙县财政局\n某某实验区2021年政府信息公开工作年度报告" + Body, "某某实验区")]
    [InlineData("**某某实验区2020年度政府信息公开工作年度报告**" + Body, "某某实验区")]
    [InlineData("索引号：123\n<span>某市生态环境局</span>2021年政府信息公开工作年度报告" + Body, "某市生态环境局")]
    public void Read_Agency_AsTheDocumentPrintsIt(string text, string agency)
    {
        ReportFile.ReadText(text).Report.Agency.ShouldBe(agency);
    }

    [Fact]
    public void Read_SignatureBlock_NotProseOfTheLastSection()
    {
        var report = ReportFile.ReadText("某某实验区2020年度政府信息公开工作年度报告" + Body + "某某实验区管理委员会\n2021年1月28日").Report;

        report.Section(6)!.Text.ShouldBe("本年度未收取信息处理费。");
    }

    [Fact]
    public void Read_MarkdownSignedByTheCountysOffice_ThatOffice()
    {
        ReportFile.Read(TestFiles.Data("markdown/qingxi-2021-llm.md")).Report.Agency.ShouldBe("清溪县人民政府办公室");
    }

    [Fact]
    public void Write_RegionTitleWithItsIssuingBody_ReadsBackTheSameAgency()
    {
        var report = ReportFile.ReadText("甲市乙区人民政府门户网站\n甲市乙区2021年政府信息公开工作年度报告" + Body).Report;

        var text = Writing.TextReport.Write(report);

        ReportFile.ReadText(text).Report.Agency.ShouldBe("甲市乙区人民政府");
        text.TrimEnd().ShouldEndWith("甲市乙区人民政府");
    }
}
