using System.Buffers.Binary;
using System.IO.Compression;
using Gongkai.Core.Audit;
using Gongkai.Core.Requests.SignOff;
using Gongkai.Core.Storage;
using Gongkai.Core.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Core.Tests.Requests;

/// <summary>A seal goes on every letter: only a complete PNG with a transparent background, of a seal's size and shape.</summary>
public sealed class SealImageTests
{
    [Fact]
    public void Refusal_TransparentSquarePng_Accepted() =>
        SealImage.Refusal(Core.Requests.Demo.DemoSeal.Png).ShouldBeNull();

    public static TheoryData<string, byte[], string> Refused => new()
    {
        { "opaque", Png(400, 400, colourType: 2), "印章图片须为透明背景的 PNG：不透明的背景会遮住落款和日期。请用图像软件去除背景后再上传。" },
        { "tiny", Png(1, 1, colourType: 6), "印章图片的宽和高应在 150 至 3000 像素之间（按 300 dpi 扫描的 42 毫米印章约 500 像素），上传的图片为 1×1 像素。" },
        { "banner", Png(900, 300, colourType: 6), "印章图片应大致为正方形（印章居中、四周留白），上传的图片为 900×300 像素。" },
        { "jpeg", [0xFF, 0xD8, 0xFF, 0xE0, .. new byte[64]], "印章图片须为 PNG 格式（透明背景）。" },
        { "bad crc", Corrupt(Png(400, 400, colourType: 6), at: 20), "印章图片已损坏或不是完整的 PNG 文件，请重新导出后上传。" },
        { "truncated", Png(400, 400, colourType: 6)[..60], "印章图片已损坏或不是完整的 PNG 文件，请重新导出后上传。" },
        { "short data", Png(400, 400, colourType: 6, rows: 399), "印章图片已损坏或不是完整的 PNG 文件，请重新导出后上传。" },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public void Refusal_NotASeal_TheReasonInChinese(string what, byte[] png, string refusal) =>
        SealImage.Refusal(png).ShouldBe(refusal, what);

    [Fact]
    public async Task SetSeal_Refused_NothingStored()
    {
        await using var world = await RequestsWorld.CreateAsync(DatabaseProvider.Sqlite);
        Result<Gongkai.Core.Files.StoredFile> result = null!;
        await using (var scope = world.Database.Scope())
        {
            var agencies = scope.ServiceProvider.GetRequiredService<AgencyLetters>();
            result = await agencies.SetSealAsync(world.Office.Id, new MemoryStream(Png(400, 400, colourType: 2)), "印章.png", AuditActor.System);
        }

        result.Errors.ShouldHaveSingleItem().Field.ShouldBe("Seal");
        await using var check = world.Database.Scope();
        var db = check.ServiceProvider.GetRequiredService<GongkaiDbContext>();
        db.LetterSettings.ShouldBeEmpty();
        db.StoredFiles.ShouldBeEmpty();
    }

    /// <summary>A valid PNG of the size and colour type asked (8 bits per sample), optionally with fewer rows of data than its header says.</summary>
    private static byte[] Png(int width, int height, byte colourType, int? rows = null)
    {
        var channels = colourType switch { 2 => 3, 6 => 4, _ => 1 };
        var raw = new byte[(rows ?? height) * (1 + width * channels)];
        using var png = new MemoryStream();
        png.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        (header[8], header[9]) = (8, colourType);
        Chunk(png, "IHDR", header);
        using var data = new MemoryStream();
        using (var zlib = new ZLibStream(data, CompressionLevel.Fastest, leaveOpen: true))
            zlib.Write(raw);
        Chunk(png, "IDAT", data.ToArray());
        Chunk(png, "IEND", []);
        return png.ToArray();
    }

    private static void Chunk(MemoryStream png, string type, byte[] data)
    {
        var typed = System.Text.Encoding.ASCII.GetBytes(type).Concat(data).ToArray();
        var number = new byte[4];
        BinaryPrimitives.WriteInt32BigEndian(number, data.Length);
        png.Write(number);
        png.Write(typed);
        BinaryPrimitives.WriteUInt32BigEndian(number, SealImage.Crc(typed));
        png.Write(number);
    }

    private static byte[] Corrupt(byte[] png, int at)
    {
        png[at] ^= 0xFF;
        return png;
    }
}
