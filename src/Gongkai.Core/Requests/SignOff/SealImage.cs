using System.Buffers.Binary;
using System.IO.Compression;

namespace Gongkai.Core.Requests.SignOff;

/// <summary>
/// Checks a seal image before it goes on letters: a complete, undamaged PNG (every chunk's CRC, the
/// image data inflating to exactly the size its header promises), with a transparent background so
/// the signature shows through, of a size a seal scanned at print resolution has, and roughly round.
/// What would print as a broken or opaque square is refused with the reason.
/// </summary>
public static class SealImage
{
    public const int MaxBytes = 2 * 1024 * 1024;
    public const int MinSide = 150;
    public const int MaxSide = 3000;
    private static readonly byte[] Signature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
    private static readonly uint[] CrcTable = BuildCrcTable();

    /// <summary>Why <paramref name="png"/> cannot be a seal, or null.</summary>
    public static string? Refusal(ReadOnlySpan<byte> png)
    {
        if (png.Length > MaxBytes)
            return $"印章图片不能超过 {MaxBytes / (1024 * 1024)} MB。";
        if (png.Length < Signature.Length + 25 || !png.StartsWith(Signature))
            return "印章图片须为 PNG 格式（透明背景）。";
        var offset = Signature.Length;
        Header? header = null;
        var transparency = false;
        var ended = false;
        using var data = new MemoryStream();
        while (offset < png.Length && !ended)
        {
            if (png.Length - offset < 12)
                return Damaged;
            var length = BinaryPrimitives.ReadUInt32BigEndian(png[offset..]);
            if (length > png.Length - offset - 12)
                return Damaged;
            var type = png.Slice(offset + 4, 4);
            var body = png.Slice(offset + 8, (int)length);
            if (Crc(png.Slice(offset + 4, (int)length + 4)) != BinaryPrimitives.ReadUInt32BigEndian(png[(offset + 8 + (int)length)..]))
                return Damaged;
            if (header is null && !type.SequenceEqual("IHDR"u8))
                return Damaged;
            if (type.SequenceEqual("IHDR"u8))
            {
                if (header is not null || length != 13)
                    return Damaged;
                header = new Header(BinaryPrimitives.ReadInt32BigEndian(body), BinaryPrimitives.ReadInt32BigEndian(body[4..]), body[8], body[9], body[12]);
            }
            else if (type.SequenceEqual("tRNS"u8))
                transparency = true;
            else if (type.SequenceEqual("IDAT"u8))
                data.Write(body);
            else if (type.SequenceEqual("IEND"u8))
                ended = true;
            offset += 12 + (int)length;
        }
        if (header is not { } h || !ended || data.Length == 0)
            return Damaged;
        if (h.BitsPerPixel is not { } bits || h.Interlace > 1)
            return Damaged;
        if (h.Width is < MinSide or > MaxSide || h.Height is < MinSide or > MaxSide)
            return $"印章图片的宽和高应在 {MinSide} 至 {MaxSide} 像素之间（按 300 dpi 扫描的 42 毫米印章约 500 像素），上传的图片为 {h.Width}×{h.Height} 像素。";
        if (Math.Max(h.Width, h.Height) > 1.25 * Math.Min(h.Width, h.Height))
            return $"印章图片应大致为正方形（印章居中、四周留白），上传的图片为 {h.Width}×{h.Height} 像素。";
        if (h.ColourType is not (4 or 6) && !transparency)
            return "印章图片须为透明背景的 PNG：不透明的背景会遮住落款和日期。请用图像软件去除背景后再上传。";
        return Inflates(data, h.RawSize(bits)) ? null : Damaged;
    }

    private const string Damaged = "印章图片已损坏或不是完整的 PNG 文件，请重新导出后上传。";

    private sealed record Header(int Width, int Height, byte BitDepth, byte ColourType, byte Interlace)
    {
        /// <summary>Bits per pixel for the colour types and depths PNG allows; null for any other combination.</summary>
        public int? BitsPerPixel => (ColourType, BitDepth) switch
        {
            (0, 1 or 2 or 4 or 8 or 16) => BitDepth,
            (3, 1 or 2 or 4 or 8) => BitDepth,
            (2, 8 or 16) => 3 * BitDepth,
            (4, 8 or 16) => 2 * BitDepth,
            (6, 8 or 16) => 4 * BitDepth,
            _ => null,
        };

        /// <summary>The filtered image data's size: each row (of each Adam7 pass) a filter byte and its pixels.</summary>
        public long RawSize(int bits)
        {
            long Rows(int width, int height) => width == 0 || height == 0 ? 0 : height * (1 + ((long)width * bits + 7) / 8);
            if (Interlace == 0)
                return Rows(Width, Height);
            (int X, int Y, int Dx, int Dy)[] passes = [(0, 0, 8, 8), (4, 0, 8, 8), (0, 4, 4, 8), (2, 0, 4, 4), (0, 2, 2, 4), (1, 0, 2, 2), (0, 1, 1, 2)];
            return passes.Sum(p => Rows((Width - p.X + p.Dx - 1) / p.Dx, (Height - p.Y + p.Dy - 1) / p.Dy));
        }
    }

    /// <summary>The zlib stream inflates to exactly <paramref name="expected"/> bytes (reading no more than one byte past it).</summary>
    private static bool Inflates(MemoryStream compressed, long expected)
    {
        compressed.Position = 0;
        try
        {
            using var zlib = new ZLibStream(compressed, CompressionMode.Decompress);
            var buffer = new byte[81920];
            long total = 0;
            int read;
            while ((read = zlib.Read(buffer, 0, (int)Math.Min(buffer.Length, expected + 1 - total))) > 0)
            {
                total += read;
                if (total > expected)
                    return false;
            }
            return total == expected;
        }
        catch (InvalidDataException)
        {
            return false;
        }
    }

    internal static uint Crc(ReadOnlySpan<byte> bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
            crc = CrcTable[(crc ^ b) & 0xFF] ^ (crc >> 8);
        return crc ^ 0xFFFFFFFFu;
    }

    private static uint[] BuildCrcTable()
    {
        var table = new uint[256];
        for (var n = 0u; n < 256; n++)
        {
            var c = n;
            for (var k = 0; k < 8; k++)
                c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            table[n] = c;
        }
        return table;
    }
}
