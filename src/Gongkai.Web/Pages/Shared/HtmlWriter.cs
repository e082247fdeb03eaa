using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;

namespace Gongkai.Web.Pages;

/// <summary>
/// Writes HTML as UTF-8 into a buffer: markup as given (<c>"…"u8</c> literals cost no encoding),
/// text and attribute values encoded by the site's <see cref="HtmlEncoder"/> — for pages written
/// without Razor (<see cref="CatalogueListPage"/>) and the layout every page shares (<see cref="SiteLayout"/>).
/// </summary>
public sealed class HtmlWriter(IBufferWriter<byte> output, HtmlEncoder encoder)
{
    public void Raw(ReadOnlySpan<byte> markup) => output.Write(markup);

    public void Raw(string markup) => Encoding.UTF8.GetBytes(markup, output);

    /// <summary>Text or an attribute value (in double quotes), encoded.</summary>
    public void Text(string? text)
    {
        if (!string.IsNullOrEmpty(text)) Raw(encoder.Encode(text));
    }

    /// <param name="format">"N0" for a count as the pages print it: 3,508.</param>
    public void Number(int n, string? format = null)
    {
        var span = output.GetSpan(16);
        n.TryFormat(span, out var written, format, CultureInfo.InvariantCulture);
        output.Advance(written);
    }

    /// <summary>What <paramref name="write"/> writes, as content for a Razor page.</summary>
    public static IHtmlContent Content(HtmlEncoder encoder, Action<HtmlWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>(4096);
        write(new HtmlWriter(buffer, encoder));
        return new HtmlString(Encoding.UTF8.GetString(buffer.WrittenSpan));
    }
}

/// <summary>
/// A page's bytes in arrays from the shared pool, sent in one write with its length: Kestrel's own
/// writer takes a lock for each of the thousand small writes a page makes.
/// </summary>
public sealed class PooledBufferWriter : IBufferWriter<byte>, IDisposable
{
    private byte[] buffer = ArrayPool<byte>.Shared.Rent(32 * 1024);
    private int written;

    public ReadOnlyMemory<byte> WrittenMemory => buffer.AsMemory(0, written);

    public void Advance(int count) => written += count;

    public Memory<byte> GetMemory(int sizeHint = 0) => buffer.AsMemory(Reserve(sizeHint));

    public Span<byte> GetSpan(int sizeHint = 0) => buffer.AsSpan(Reserve(sizeHint));

    public void Dispose()
    {
        ArrayPool<byte>.Shared.Return(buffer);
        buffer = [];
    }

    /// <summary>Where the next bytes go, with room for at least <paramref name="sizeHint"/> (or some) of them.</summary>
    private int Reserve(int sizeHint)
    {
        var needed = written + Math.Max(sizeHint, 256);
        if (needed > buffer.Length)
        {
            var larger = ArrayPool<byte>.Shared.Rent(Math.Max(needed, buffer.Length * 2));
            buffer.AsSpan(0, written).CopyTo(larger);
            ArrayPool<byte>.Shared.Return(buffer);
            buffer = larger;
        }
        return written;
    }
}
