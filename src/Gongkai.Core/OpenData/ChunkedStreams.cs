using System.Buffers;
using System.Globalization;
using Gongkai.Core.Files.Backends;

namespace Gongkai.Core.OpenData;

/// <summary>The keys of a file kept in chunks: the file's prefix and the chunk's number, "documents.jsonl/000042".</summary>
internal static class Chunks
{
    public static string Key(string prefix, long index) => prefix + index.ToString("D6", CultureInfo.InvariantCulture);
}

/// <summary>
/// Writes a file of any size to a file backend as objects of <c>chunkBytes</c> each (the last one
/// shorter), one chunk in memory at a time; the last chunk is written when the stream is disposed.
/// </summary>
internal sealed class ChunkedWriteStream(IFileBackend backend, string prefix, int chunkBytes) : Stream
{
    private readonly byte[] buffer = new byte[chunkBytes];
    private int filled;
    private long index;
    private bool closed;

    public override bool CanRead => false;
    public override bool CanSeek => false;
    public override bool CanWrite => !closed;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> data)
    {
        while (!data.IsEmpty)
        {
            var taken = Fill(data);
            data = data[taken..];
            if (filled == buffer.Length) WriteChunkAsync(CancellationToken.None).GetAwaiter().GetResult();
        }
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> data, CancellationToken cancellationToken = default)
    {
        while (!data.IsEmpty)
        {
            var taken = Fill(data.Span);
            data = data[taken..];
            if (filled == buffer.Length) await WriteChunkAsync(cancellationToken);
        }
    }

    /// <summary>Chunks are written when full, and the last one at the end.</summary>
    public override void Flush()
    {
    }

    public override Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public override async ValueTask DisposeAsync()
    {
        if (!closed && filled > 0) await WriteChunkAsync(CancellationToken.None);
        closed = true;
        await base.DisposeAsync();
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing && !closed && filled > 0) WriteChunkAsync(CancellationToken.None).GetAwaiter().GetResult();
        closed = true;
        base.Dispose(disposing);
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();

    private int Fill(ReadOnlySpan<byte> data)
    {
        ObjectDisposedException.ThrowIf(closed, this);
        var taken = Math.Min(data.Length, buffer.Length - filled);
        data[..taken].CopyTo(buffer.AsSpan(filled));
        filled += taken;
        return taken;
    }

    private async Task WriteChunkAsync(CancellationToken cancellationToken)
    {
        await backend.WriteAsync(Chunks.Key(prefix, index), buffer.AsMemory(0, filled), cancellationToken);
        index++;
        filled = 0;
    }
}

/// <summary>
/// Reads back a file <see cref="ChunkedWriteStream"/> wrote, knowing its length: seekable, so a
/// download may ask for a range; one chunk in memory at a time.
/// </summary>
internal sealed class ChunkedReadStream(IFileBackend backend, string prefix, long length, int chunkBytes) : Stream
{
    private Stream? chunk;
    private long chunkIndex = -1;
    private long position;

    public override bool CanRead => true;
    public override bool CanSeek => true;
    public override bool CanWrite => false;
    public override long Length => length;

    public override long Position
    {
        get => position;
        set => position = value >= 0 ? value : throw new ArgumentOutOfRangeException(nameof(value));
    }

    public override long Seek(long offset, SeekOrigin origin) => Position = origin switch
    {
        SeekOrigin.Begin => offset,
        SeekOrigin.Current => position + offset,
        SeekOrigin.End => length + offset,
        _ => throw new ArgumentOutOfRangeException(nameof(origin)),
    };

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> destination)
    {
        var rented = ArrayPool<byte>.Shared.Rent(destination.Length);
        try
        {
            var read = ReadAsync(rented.AsMemory(0, destination.Length), CancellationToken.None).AsTask().GetAwaiter().GetResult();
            rented.AsSpan(0, read).CopyTo(destination);
            return read;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override async ValueTask<int> ReadAsync(Memory<byte> destination, CancellationToken cancellationToken = default)
    {
        if (position >= length || destination.IsEmpty) return 0;
        var index = position / chunkBytes;
        var offset = (int)(position % chunkBytes);
        if (index != chunkIndex || chunk is null)
        {
            if (chunk is not null) await chunk.DisposeAsync();
            (chunk, chunkIndex) = (null, -1);
            chunk = await backend.OpenReadAsync(Chunks.Key(prefix, index), cancellationToken)
                ?? throw new IOException($"批量数据文件缺少第 {index + 1} 块（{Chunks.Key(prefix, index)}），可能已被更新的批量数据替换。");
            chunkIndex = index;
        }
        if (chunk.Position != offset) chunk.Position = offset;
        var wanted = (int)Math.Min(destination.Length, Math.Min(chunkBytes - offset, length - position));
        var read = await chunk.ReadAsync(destination[..wanted], cancellationToken);
        if (read == 0) throw new IOException($"批量数据文件的第 {index + 1} 块（{Chunks.Key(prefix, index)}）比清单所记的短。");
        position += read;
        return read;
    }

    public override void Flush()
    {
    }

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing) chunk?.Dispose();
        base.Dispose(disposing);
    }
}
