using Gongkai.Domain.Reports;
using Gongkai.Domain.Reports.Checks;

namespace Gongkai.Domain.Tests;

public class CellNamesTests
{
    [Theory]
    [InlineData("requests.newReceived.total", "表三“一、本年新收政府信息公开申请数量”行“总计”栏")]
    [InlineData("2021:requests.carriedForward.naturalPerson", "2021年报告表三“四、结转下年度继续办理”行“自然人”栏")]
    [InlineData("indicators.收到申请数", "统计表“收到申请数”")]
    [InlineData("no.such.cell", "no.such.cell")]
    [InlineData("x:requests.newReceived.total", "x:requests.newReceived.total")]
    public void Describe_CellPath_NamesItInChinese(string path, string expected) =>
        CellNames.Describe(ReportTemplate.Y2021, path).ShouldBe(expected);
}
