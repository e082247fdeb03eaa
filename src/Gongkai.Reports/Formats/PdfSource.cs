using Gongkai.Reports.Reading;

namespace Gongkai.Reports.Formats;

public static class PdfSource
{
    public static SourceDocument Read(byte[] bytes) =>
        throw new ReportReadException("Pdf 读取尚未完成");
}
