using Gongkai.Reports.Reading;

namespace Gongkai.Reports.Formats;

public static class HtmlSource
{
    public static SourceDocument Read(string html) =>
        throw new ReportReadException("Html 读取尚未完成");
}
