using Gongkai.Domain.Reports;

namespace Gongkai.Reports.Tests;

/// <summary>Assertions over whole reports, shared by the tests of every format.</summary>
public static class ReportAssert
{
    /// <summary>Tables 二, 三 and 四 hold exactly the expected rows ("requests.newReceived" → values).</summary>
    public static void Cells(AnnualReport report, Dictionary<string, decimal?[]> expected)
    {
        var read = new Dictionary<string, decimal?[]>();
        foreach (var table in ReportSchema.Tables)
        {
            var data = report.Table(table);
            foreach (var key in data.Keys)
                read[ReportSchema.TableId(table) + "." + key] = [.. data[key]!.Select(c => c.Value)];
        }
        read.Keys.ShouldBe(expected.Keys, ignoreOrder: true);
        foreach (var (key, values) in expected)
            read[key].ShouldBe(values, key);
    }
}
