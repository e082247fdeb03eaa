using System.IO.Compression;
using System.Text;
using Gongkai.Core.Security;

namespace Gongkai.Core.Tests.Security;

public sealed class UploadInspectorTests
{
    private static MemoryStream Bytes(params byte[] bytes) => new(bytes);
    private static MemoryStream Text(string text) => new(Encoding.ASCII.GetBytes(text));

    private static MemoryStream Zip(params string[] entries)
    {
        var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
            foreach (var name in entries)
                using (var writer = new StreamWriter(zip.CreateEntry(name).Open())) writer.Write("<x/>");
        stream.Position = 0;
        return stream;
    }

    public static TheoryData<string, FileKind> Accepted => new()
    {
        { "pdf", FileKind.Pdf },
        { "png", FileKind.Png },
        { "jpeg", FileKind.Jpeg },
        { "docx", FileKind.Docx },
        { "xlsx", FileKind.Xlsx },
        { "ofd", FileKind.Ofd },
    };

    private static MemoryStream Sample(string kind) => kind switch
    {
        "pdf" => Text("%PDF-1.7\n1 0 obj\n"),
        "png" => Bytes(0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13),
        "jpeg" => Bytes(0xFF, 0xD8, 0xFF, 0xE0, 0, 16, (byte)'J', (byte)'F', (byte)'I', (byte)'F'),
        "docx" => Zip("[Content_Types].xml", "_rels/.rels", "word/document.xml"),
        "xlsx" => Zip("[Content_Types].xml", "xl/workbook.xml"),
        "ofd" => Zip("OFD.xml", "Doc_0/Document.xml"),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    [Theory]
    [MemberData(nameof(Accepted))]
    public void Inspect_RealContent_RecognisedWhateverItIsCalled(string sample, FileKind expected)
    {
        var check = new UploadInspector().Inspect(Sample(sample));

        check.Accepted.ShouldBeTrue(check.Refusal);
        check.Kind.ShouldBe(expected);
    }

    [Theory]
    [InlineData("MZ\x90\0 executable")]
    [InlineData("<html><script>alert(1)</script></html>")]
    [InlineData("GIF89a")]
    [InlineData("%PD")]
    public void Inspect_OtherContent_Refused(string content)
    {
        var check = new UploadInspector().Inspect(new MemoryStream(Encoding.Latin1.GetBytes(content)));

        check.Accepted.ShouldBeFalse();
        check.Refusal!.ShouldStartWith("不支持的文件类型");
    }

    [Fact]
    public void Inspect_ZipThatIsNotAnOfficeDocument_Refused() =>
        new UploadInspector().Inspect(Zip("payload.exe", "readme.txt")).Refusal.ShouldBe("不支持的压缩文件：只接受 Word（docx）、Excel（xlsx）和 OFD 文件。");

    [Fact]
    public void Inspect_TruncatedZip_RefusedAsDamaged() =>
        new UploadInspector().Inspect(Bytes((byte)'P', (byte)'K', 3, 4, 1, 2, 3)).Refusal.ShouldBe("文件已损坏，无法读取。");

    [Fact]
    public void Inspect_LargerThanTheLimit_Refused()
    {
        var content = new byte[2048];
        "%PDF-"u8.CopyTo(content);

        new UploadInspector(maxBytes: 1024).Inspect(new MemoryStream(content)).Refusal!.ShouldStartWith("文件过大");
        new UploadInspector(maxBytes: 2048).Inspect(new MemoryStream(content)).Kind.ShouldBe(FileKind.Pdf);
    }

    [Fact]
    public void Inspect_Empty_Refused() => new UploadInspector().Inspect(new MemoryStream()).Refusal.ShouldBe("文件是空的。");
}
