using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;

namespace Gongkai.Core.Tests.Support;

/// <summary>
/// A mail server for tests: accepts SMTP on 127.0.0.1 and keeps each message's recipients and
/// decoded text. Speaks just what System.Net.Mail's client says (EHLO, MAIL, RCPT, DATA, QUIT).
/// </summary>
public sealed partial class SmtpSink : IDisposable
{
    private readonly TcpListener listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource stop = new();
    private readonly List<(string To, string Text)> messages = [];

    public SmtpSink()
    {
        listener.Start();
        _ = AcceptAsync();
    }

    public int Port => ((IPEndPoint)listener.LocalEndpoint).Port;

    public IReadOnlyList<(string To, string Text)> Messages
    {
        get { lock (messages) return [.. messages]; }
    }

    private async Task AcceptAsync()
    {
        while (!stop.IsCancellationRequested)
        {
            TcpClient client;
            try { client = await listener.AcceptTcpClientAsync(stop.Token); }
            catch (OperationCanceledException) { return; }
            _ = ServeAsync(client);
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using var _ = client;
        var stream = client.GetStream();
        using var reader = new StreamReader(stream, Encoding.ASCII);
        await using var writer = new StreamWriter(stream, Encoding.ASCII) { NewLine = "\r\n", AutoFlush = true };
        await writer.WriteLineAsync("220 sink ready");
        var to = new List<string>();
        while (await reader.ReadLineAsync() is { } line)
        {
            var verb = line.Split(' ')[0].ToUpperInvariant();
            if (verb == "DATA")
            {
                await writer.WriteLineAsync("354 end with .");
                var data = new StringBuilder();
                while (await reader.ReadLineAsync() is { } body && body != ".")
                    data.Append(body).Append("\r\n");
                lock (messages) messages.Add((string.Join(",", to), Decode(data.ToString())));
                to.Clear();
                await writer.WriteLineAsync("250 queued");
            }
            else if (verb == "QUIT")
            {
                await writer.WriteLineAsync("221 bye");
                return;
            }
            else
            {
                if (verb == "RCPT")
                    to.Add(line[(line.IndexOf('<', StringComparison.Ordinal) + 1)..line.IndexOf('>', StringComparison.Ordinal)]);
                await writer.WriteLineAsync("250 ok");
            }
        }
    }

    [GeneratedRegex(@"(?:=\?utf-8\?[BQ]\?[^?]*\?=\s*)+", RegexOptions.IgnoreCase)]
    private static partial Regex EncodedWords();

    [GeneratedRegex(@"=\?utf-8\?([BQ])\?([^?]*)\?=", RegexOptions.IgnoreCase)]
    private static partial Regex EncodedWord();

    /// <summary>The subject and body as text: encoded words, base64 and quoted-printable decoded.</summary>
    private static string Decode(string raw)
    {
        var split = raw.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        // A run of encoded words is one text: a character's bytes may be split between two words.
        var headers = EncodedWords().Replace(raw[..split], run => Encoding.UTF8.GetString([.. EncodedWord().Matches(run.Value).SelectMany(w =>
            w.Groups[1].Value.Equals("B", StringComparison.OrdinalIgnoreCase)
                ? Convert.FromBase64String(w.Groups[2].Value)
                : QuotedPrintable(w.Groups[2].Value.Replace('_', ' ')))]));
        var body = raw[(split + 4)..];
        if (headers.Contains("base64", StringComparison.OrdinalIgnoreCase))
            body = Encoding.UTF8.GetString(Convert.FromBase64String(body.Replace("\r\n", "", StringComparison.Ordinal)));
        else if (headers.Contains("quoted-printable", StringComparison.OrdinalIgnoreCase))
            body = Encoding.UTF8.GetString(QuotedPrintable(body));
        return headers + "\n\n" + body;
    }

    private static byte[] QuotedPrintable(string text)
    {
        var bytes = new List<byte>();
        var soft = text.Replace("=\r\n", "", StringComparison.Ordinal);
        for (var i = 0; i < soft.Length; i++)
        {
            if (soft[i] == '=' && i + 2 < soft.Length)
            {
                bytes.Add(Convert.ToByte(soft.Substring(i + 1, 2), 16));
                i += 2;
            }
            else
                bytes.AddRange(Encoding.UTF8.GetBytes(soft[i].ToString()));
        }
        return [.. bytes];
    }

    public void Dispose()
    {
        stop.Cancel();
        listener.Stop();
        stop.Dispose();
    }
}
