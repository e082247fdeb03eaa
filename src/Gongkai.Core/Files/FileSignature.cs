namespace Gongkai.Core.Files;

/// <summary>Recognises a file by its first bytes — an earlier output among the inputs, say — without reading the rest.</summary>
public static class FileSignature
{
    /// <summary>Whether the file starts with <paramref name="signature"/>; a file that cannot be opened does not.</summary>
    public static bool Matches(string path, ReadOnlySpan<byte> signature)
    {
        try
        {
            using var stream = File.OpenRead(path);
            var head = new byte[signature.Length];
            return stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false) == head.Length && head.AsSpan().SequenceEqual(signature);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Then it is read like any input, and the reader says why it cannot be.
            return false;
        }
    }
}
