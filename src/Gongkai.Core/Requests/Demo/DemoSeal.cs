using System.Buffers.Binary;
using System.IO.Compression;
using Gongkai.Core.Requests.SignOff;

namespace Gongkai.Core.Requests.Demo;

/// <summary>
/// A stand-in for an agency's seal, drawn here so the demo needs no image file: a red double ring
/// and a five-pointed star on a transparent background, 480 pixels square (42 mm at 290 dpi).
/// </summary>
internal static class DemoSeal
{
    private const int Size = 480;
    private const int Samples = 4;

    public static byte[] Png { get; } = Draw();

    private static byte[] Draw()
    {
        var star = Star(0, -0.02, 0.36);
        var raw = new byte[Size * (1 + 4 * Size)];
        for (var y = 0; y < Size; y++)
        {
            var row = y * (1 + 4 * Size);
            for (var x = 0; x < Size; x++)
            {
                var covered = 0;
                for (var sy = 0; sy < Samples; sy++)
                    for (var sx = 0; sx < Samples; sx++)
                    {
                        var px = (x + (sx + 0.5) / Samples) / Size * 2 - 1;
                        var py = (y + (sy + 0.5) / Samples) / Size * 2 - 1;
                        var r = Math.Sqrt(px * px + py * py);
                        if (r is <= 0.97 and >= 0.89 || r is <= 0.86 and >= 0.84 || Inside(star, px, py))
                            covered++;
                    }
                var at = row + 1 + 4 * x;
                (raw[at], raw[at + 1], raw[at + 2], raw[at + 3]) = ((byte)208, (byte)20, (byte)24, (byte)(255 * covered / (Samples * Samples)));
            }
        }
        using var png = new MemoryStream();
        png.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, Size);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), Size);
        (header[8], header[9]) = (8, 6);
        Chunk(png, "IHDR"u8, header);
        using (var data = new MemoryStream())
        {
            using (var zlib = new ZLibStream(data, CompressionLevel.Optimal, leaveOpen: true))
                zlib.Write(raw);
            Chunk(png, "IDAT"u8, data.ToArray());
        }
        Chunk(png, "IEND"u8, []);
        return png.ToArray();
    }

    private static (double X, double Y)[] Star(double cx, double cy, double radius) =>
        [.. Enumerable.Range(0, 10).Select(i =>
        {
            var angle = -Math.PI / 2 + i * Math.PI / 5;
            var r = i % 2 == 0 ? radius : radius * 0.382;
            return (cx + r * Math.Cos(angle), cy + r * Math.Sin(angle));
        })];

    private static bool Inside((double X, double Y)[] polygon, double x, double y)
    {
        var inside = false;
        for (int i = 0, j = polygon.Length - 1; i < polygon.Length; j = i++)
            if ((polygon[i].Y > y) != (polygon[j].Y > y)
                && x < (polygon[j].X - polygon[i].X) * (y - polygon[i].Y) / (polygon[j].Y - polygon[i].Y) + polygon[i].X)
                inside = !inside;
        return inside;
    }

    private static void Chunk(Stream png, ReadOnlySpan<byte> type, byte[] data)
    {
        Span<byte> number = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(number, (uint)data.Length);
        png.Write(number);
        var typed = new byte[4 + data.Length];
        type.CopyTo(typed);
        data.CopyTo(typed, 4);
        png.Write(typed);
        BinaryPrimitives.WriteUInt32BigEndian(number, SealImage.Crc(typed));
        png.Write(number);
    }
}
