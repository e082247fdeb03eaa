using Gongkai.Domain.Reports;

namespace Gongkai.Reports.Writing;

public static class DocxReport
{
    public static byte[] Write(AnnualReport report) => throw new NotSupportedException("DOCX 输出尚未完成");
}
