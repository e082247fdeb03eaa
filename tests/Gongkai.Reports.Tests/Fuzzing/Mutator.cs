using System.IO.Compression;
using System.Text;

namespace Gongkai.Reports.Tests.Fuzzing;

/// <summary>
/// Damages a file the ways real files are damaged and hostile files are built: random byte flips,
/// truncation, control characters, a duplicated chunk, a huge cell, deep nesting. Deterministic
/// for a given <see cref="Random"/>; each mutant says how it was made.
/// </summary>
public static class Mutator
{
    public static (byte[] Bytes, string How) Mutate(Random random, FuzzInput input)
    {
        var kind = random.Next(input.IsZip ? 4 : 7);
        return kind switch
        {
            0 => FlipBytes(random, input.Bytes),
            1 => Truncate(random, input.Bytes),
            2 => Splice(random, input.Bytes),
            3 when input.IsZip => MutateZipPart(random, input.Bytes),
            3 => InsertControlCharacters(random, input.Bytes),
            4 => HugeCell(random, input.Bytes, input.Format),
            5 => DeepNesting(random, input.Bytes, input.Format),
            _ => FlipBytes(random, Truncate(random, input.Bytes).Bytes),
        };
    }

    private static (byte[], string) FlipBytes(Random random, byte[] bytes)
    {
        var copy = (byte[])bytes.Clone();
        var n = 1 + random.Next(24);
        for (var i = 0; i < n && copy.Length > 0; i++)
            copy[random.Next(copy.Length)] = (byte)random.Next(256);
        return (copy, $"{n} bytes flipped");
    }

    private static (byte[] Bytes, string How) Truncate(Random random, byte[] bytes)
    {
        var length = random.Next(1, Math.Max(2, bytes.Length));
        return (bytes[..length], $"cut at {length}");
    }

    private static (byte[], string) Splice(Random random, byte[] bytes)
    {
        var from = random.Next(bytes.Length);
        var length = random.Next(1, Math.Min(4096, bytes.Length - from) + 1);
        var at = random.Next(bytes.Length);
        return ([.. bytes[..at], .. bytes.AsSpan(from, length), .. bytes[at..]], $"{length} bytes from {from} copied to {at}");
    }

    private static (byte[], string) InsertControlCharacters(Random random, byte[] bytes)
    {
        var list = bytes.ToList();
        var n = 1 + random.Next(40);
        for (var i = 0; i < n; i++)
        {
            byte[] c = random.Next(4) switch
            {
                0 => [0x00],
                1 => [0xEF, 0xBF, 0xBE], // U+FFFE
                2 => [0xED, 0xA0, 0x80], // a lone surrogate, not UTF-8
                _ => [(byte)random.Next(1, 0x20)],
            };
            list.InsertRange(random.Next(list.Count + 1), c);
        }
        return ([.. list], $"{n} control characters inserted");
    }

    private static (byte[], string) HugeCell(Random random, byte[] bytes, string format)
    {
        var cell = random.Next(4) switch
        {
            0 => new string('9', 5000),
            1 => string.Concat(Enumerable.Repeat("政府信息公开", 40_000)),
            2 => "1." + new string('0', 3000) + "1",
            _ => string.Concat(Enumerable.Repeat("| 0 ", 20_000)) + "|",
        };
        var text = Encoding.UTF8.GetString(bytes);
        var at = random.Next(text.Length + 1);
        var wrapped = format == "html" ? $"<table><tr><td>予以公开</td><td>{cell}</td></tr></table>" : $"\n（一）予以公开 | {cell} |\n";
        return (Encoding.UTF8.GetBytes(text[..at] + wrapped + text[at..]), $"a cell of {cell.Length} characters at {at}");
    }

    private static (byte[], string) DeepNesting(Random random, byte[] bytes, string format)
    {
        var depth = random.Next(2) == 0 ? 50 + random.Next(400) : 2000 + random.Next(20_000);
        var (open, close) = format switch
        {
            "html" => random.Next(2) == 0 ? ("<div>", "</div>") : ("<table><tr><td>", "</td></tr></table>"),
            "json" => ("{\"a\":[", "]}"),
            "markdown" => random.Next(2) == 0 ? (">", "") : ("  - ", "\n"),
            _ => ("（", "）"),
        };
        var nest = string.Concat(Enumerable.Repeat(open, depth)) + "予以公开 1 2 3" + string.Concat(Enumerable.Repeat(close, depth));
        var text = Encoding.UTF8.GetString(bytes);
        var at = format == "json" ? Math.Max(0, text.IndexOf("\"requests\"", StringComparison.Ordinal)) : random.Next(text.Length + 1);
        var inserted = format == "json" ? "\"deep\": " + nest + ", " : nest;
        return (Encoding.UTF8.GetBytes(text[..at] + inserted + text[at..]), $"nested {depth} deep at {at}");
    }

    /// <summary>A DOCX whose document.xml is damaged inside an intact zip, so that the XML readers see it.</summary>
    private static (byte[], string) MutateZipPart(Random random, byte[] bytes)
    {
        using var source = new ZipArchive(new MemoryStream(bytes), ZipArchiveMode.Read);
        using var output = new MemoryStream();
        string how = "";
        using (var target = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var entry in source.Entries)
            {
                using var read = entry.Open();
                using var buffer = new MemoryStream();
                read.CopyTo(buffer);
                var content = buffer.ToArray();
                if (entry.FullName == "word/document.xml")
                {
                    var xml = Encoding.UTF8.GetString(content);
                    var depth = 300 + random.Next(3000);
                    (content, how) = random.Next(4) switch
                    {
                        0 => FlipBytes(random, content),
                        1 => InsertControlCharacters(random, content),
                        2 => (Encoding.UTF8.GetBytes(xml.Replace("<w:body>",
                            "<w:body>" + string.Concat(Enumerable.Repeat("<w:tbl><w:tr><w:tc>", depth)) + "<w:p/>"
                            + string.Concat(Enumerable.Repeat("</w:tc></w:tr></w:tbl>", depth)), StringComparison.Ordinal)), $"tables nested {depth} deep"),
                        _ => Truncate(random, content),
                    };
                    how = "document.xml: " + how;
                }
                var copy = target.CreateEntry(entry.FullName);
                using var write = copy.Open();
                write.Write(content);
            }
        }
        return (output.ToArray(), how);
    }
}
