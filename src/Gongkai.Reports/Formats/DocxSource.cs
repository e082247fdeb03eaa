using Gongkai.Reports.Reading;

namespace Gongkai.Reports.Formats;

public static class DocxSource
{
    public static SourceDocument Read(byte[] bytes) =>
        throw new ReportReadException("Docx 读取尚未完成");
}
