using Gongkai.Domain.Reports;

namespace Gongkai.Reports.Writing;

public static class HtmlReport
{
    public static string Write(AnnualReport report, IReadOnlyList<Finding> findings) =>
        throw new NotSupportedException("HTML 输出尚未完成");
}
