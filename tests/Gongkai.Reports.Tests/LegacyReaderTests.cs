namespace Gongkai.Reports.Tests;

public class LegacyReaderTests
{
    [Theory]
    [InlineData("附表：2017年政府信息公开工作统计表")]
    [InlineData("附件1：政务公开统计表")]
    public void Read_CaptionAboveTheStatisticsTable_NotProseOfTheLastSection(string caption)
    {
        var text = string.Join('\n',
            "某县2017年政府信息公开工作年度报告",
            "一、概述",
            "本年度主动公开政府信息480条。",
            "二、说明与附表",
            "附件为年度统计表。",
            caption,
            "统计指标 | 单位 | 统计数",
            "一、主动公开情况 | |",
            "(一)主动公开政府信息数 | 条 | 480");

        var report = ReportFile.ReadText(text).Report;

        report.Section(2)!.Text.ShouldBe("附件为年度统计表。");
        report.Indicators.ShouldHaveSingleItem().Value.Value.ShouldBe(480m);
    }
}
