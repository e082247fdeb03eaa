using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Gongkai.Benchmarks.Catalogue;

/// <summary>What wrk measured for one target.</summary>
/// <param name="CacheHits">Responses served from the output cache (they carry an Age header), or their share; null when not counted.</param>
internal sealed record WrkResult(string Label, double RequestsPerSecond, long Requests, string P50, string P99, long Errors, double? CacheHits);

/// <summary>
/// Runs wrk (a C load generator, lighter on this 2-core machine than any .NET client) and reads its
/// report. Several paths are requested in turn by a generated Lua script; with <c>uncached</c>, each
/// request carries a query parameter never sent before, so no response can come from a cache; with
/// <c>countHits</c>, the script counts the responses that did (which costs wrk CPU: a Lua call and
/// table per response; haproxy passes header names in lower case).
/// </summary>
internal static partial class Wrk
{
    public const int Threads = 2;
    public const int Connections = 32;

    public static bool IsInstalled()
    {
        try
        {
            using var p = Process.Start(new ProcessStartInfo("wrk", "--version") { RedirectStandardOutput = true, RedirectStandardError = true })!;
            p.WaitForExit();
            return true;
        }
        catch (Win32Exception)
        {
            return false;
        }
    }

    public static async Task<WrkResult> RunAsync(string label, string url, IReadOnlyList<string> paths, TimeSpan duration, bool uncached = false, bool countHits = false)
    {
        var script = Path.Combine(Path.GetTempPath(), $"gongkai-wrk-{Guid.NewGuid():N}.lua");
        await File.WriteAllTextAsync(script, Script(paths, uncached, countHits));
        try
        {
            var start = new ProcessStartInfo("wrk") { RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var a in new[] { "-t", Threads.ToString(CultureInfo.InvariantCulture), "-c", Connections.ToString(CultureInfo.InvariantCulture),
                         "-d", string.Create(CultureInfo.InvariantCulture, $"{(int)duration.TotalSeconds}s"), "--latency", "-s", script, url })
                start.ArgumentList.Add(a);
            using var process = Process.Start(start)!;
            var output = await process.StandardOutput.ReadToEndAsync();
            await process.WaitForExitAsync();
            var rps = RequestsPerSecond().Match(output);
            var requests = Requests().Match(output);
            if (!rps.Success || !requests.Success) throw new InvalidOperationException("wrk 输出无法识别：\n" + output);
            var errors = Non2xx().Match(output) is { Success: true } e ? long.Parse(e.Groups[1].Value, CultureInfo.InvariantCulture) : 0;
            if (SocketErrors().Match(output) is { Success: true } s)
                errors += s.Groups.Values.Skip(1).Sum(g => long.Parse(g.Value, CultureInfo.InvariantCulture));
            double? hits = CacheHits().Match(output) is { Success: true } h ? long.Parse(h.Groups[1].Value, CultureInfo.InvariantCulture) : null;
            return new WrkResult(label, double.Parse(rps.Groups[1].Value, CultureInfo.InvariantCulture),
                long.Parse(requests.Groups[1].Value, CultureInfo.InvariantCulture), Percentile(output, "50%"), Percentile(output, "99%"), errors, hits);
        }
        finally
        {
            File.Delete(script);
        }
    }

    /// <summary>
    /// The paths in turn; uncached adds nonce=RUN-THREAD-N, unique to this run, this wrk thread and
    /// this request, and the header with which the app in benchmark mode renders the page without the
    /// output cache (not even storing it, as with a page the cache does not keep).
    /// </summary>
    private static string Script(IReadOnlyList<string> paths, bool uncached, bool countHits)
    {
        var list = string.Join(",\n", paths.Select(p => "  \"" + p.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\""));
        var nonce = uncached
            ? $"  path = path .. (string.find(path, \"?\", 1, true) and \"&\" or \"?\") .. \"nonce={Guid.NewGuid():N}-\" .. id .. \"-\" .. counter\n"
            : "";
        var hits = countHits
            ? """
              function response(status, headers, body)
                if headers["Age"] or headers["age"] then hits = hits + 1 end
              end
              function done(summary, latency, requests)
                local total = 0
                for _, thread in ipairs(threads) do total = total + thread:get("hits") end
                io.write("cache hits: " .. total .. "\n")
              end

              """
            : "";
        return $$"""
            paths = {
            {{list}}
            }
            local threads = {}
            function setup(thread)
              table.insert(threads, thread)
              thread:set("id", #threads)
            end
            counter = 0
            hits = 0
            render = { ["X-Gongkai-Render"] = "1" }
            function request()
              counter = counter + 1
              local path = paths[(counter % #paths) + 1]
            {{nonce}}  return wrk.format(nil, path{{(uncached ? ", render" : "")}})
            end

            """ + hits;
    }

    private static string Percentile(string output, string which) =>
        Regex.Match(output, $@"^\s*{Regex.Escape(which)}\s+(\S+)", RegexOptions.Multiline) is { Success: true } m ? m.Groups[1].Value : "?";

    [GeneratedRegex(@"Requests/sec:\s+([\d.]+)")]
    private static partial Regex RequestsPerSecond();

    [GeneratedRegex(@"(\d+) requests in")]
    private static partial Regex Requests();

    [GeneratedRegex(@"cache hits: (\d+)")]
    private static partial Regex CacheHits();

    [GeneratedRegex(@"Non-2xx or 3xx responses:\s+(\d+)")]
    private static partial Regex Non2xx();

    [GeneratedRegex(@"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)")]
    private static partial Regex SocketErrors();
}
