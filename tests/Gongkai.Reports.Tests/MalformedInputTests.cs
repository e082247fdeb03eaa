using System.Text;

namespace Gongkai.Reports.Tests;

/// <summary>Broken JSON and CSV are unreadable input with a Chinese reason, never a crash.</summary>
public class MalformedInputTests
{
    [Theory]
    [InlineData("{\"template\": \"2021\", \"year\":")]
    [InlineData("{\"template\": 2021}")]
    [InlineData("{\"template\": \"2021\", \"year\": 99999999999}")]
    [InlineData("{\"template\": \"2021\", \"requests\": {\"newReceived\": [1e400, 0, 0, 0, 0, 0, 0]}}")]
    public void Read_MalformedJson_ThrowsReportReadException(string json)
    {
        var e = Should.Throw<ReportReadException>(() => ReportFile.Read(Encoding.UTF8.GetBytes(json)));

        e.Message.ShouldStartWith("JSON");
    }

    [Theory]
    [InlineData("meta,year,,abc,,,")]
    [InlineData("meta,issuedOn,,2020-13-45,,,")]
    [InlineData("requests,newReceived,total,1x,1x,number,")]
    public void Read_CsvWithUnparsableValue_ThrowsReportReadException(string record)
    {
        var csv = "table,row,column,value,text,form,label\nmeta,template,,2021,,,\n" + record + "\n";

        var e = Should.Throw<ReportReadException>(() => ReportFile.Read(Encoding.UTF8.GetBytes(csv)));

        e.Message.ShouldStartWith("CSV");
    }
}
