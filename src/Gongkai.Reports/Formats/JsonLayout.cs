using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Gongkai.Reports.Formats;

/// <summary>
/// Indents JSON for people: objects one member per line, arrays of plain values on one line
/// ("newReceived": [489, 51, 0, 0, 8, 4, 552]) as the spec prints them. Chinese stays readable.
/// </summary>
internal static class JsonLayout
{
    private static readonly JsonSerializerOptions StringOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Pretty(string json)
    {
        using var doc = JsonDocument.Parse(json);
        var sb = new StringBuilder(json.Length * 2);
        Write(sb, doc.RootElement, 0);
        return sb.Append('\n').ToString();
    }

    /// <summary>Numbers and arrays of numbers, at least one number on its own (a table of rows is not one).</summary>
    private static bool IsNumbersOnly(JsonElement e) =>
        e.EnumerateObject().Any(p => p.Value.ValueKind == JsonValueKind.Number)
        && e.EnumerateObject().All(p => p.Value.ValueKind == JsonValueKind.Number
            || p.Value.ValueKind == JsonValueKind.Array && p.Value.EnumerateArray().All(i => i.ValueKind == JsonValueKind.Number));

    private static void Write(StringBuilder sb, JsonElement e, int depth)
    {
        switch (e.ValueKind)
        {
            case JsonValueKind.Object:
                if (!e.EnumerateObject().Any())
                {
                    sb.Append("{}");
                    return;
                }
                if (IsNumbersOnly(e))
                {
                    // A cell's source, { "page": 3, "box": [72, 120.5, 110, 134, 595.3, 841.9] }: one line.
                    sb.Append("{ ");
                    var comma = false;
                    foreach (var p in e.EnumerateObject())
                    {
                        sb.Append(comma ? ", " : "").Append(JsonSerializer.Serialize(p.Name, StringOptions)).Append(": ");
                        Write(sb, p.Value, depth + 1);
                        comma = true;
                    }
                    sb.Append(" }");
                    return;
                }
                sb.Append("{\n");
                var first = true;
                foreach (var p in e.EnumerateObject())
                {
                    if (!first)
                        sb.Append(",\n");
                    first = false;
                    sb.Append(' ', (depth + 1) * 2).Append(JsonSerializer.Serialize(p.Name, StringOptions)).Append(": ");
                    Write(sb, p.Value, depth + 1);
                }
                sb.Append('\n').Append(' ', depth * 2).Append('}');
                return;
            case JsonValueKind.Array:
                var items = e.EnumerateArray().ToList();
                if (items.All(i => i.ValueKind is not JsonValueKind.Object and not JsonValueKind.Array))
                {
                    sb.Append('[');
                    for (var i = 0; i < items.Count; i++)
                    {
                        if (i > 0)
                            sb.Append(", ");
                        Write(sb, items[i], depth + 1);
                    }
                    sb.Append(']');
                    return;
                }
                sb.Append("[\n");
                for (var i = 0; i < items.Count; i++)
                {
                    if (i > 0)
                        sb.Append(",\n");
                    sb.Append(' ', (depth + 1) * 2);
                    Write(sb, items[i], depth + 1);
                }
                sb.Append('\n').Append(' ', depth * 2).Append(']');
                return;
            case JsonValueKind.String:
                sb.Append(JsonSerializer.Serialize(e.GetString(), StringOptions));
                return;
            default:
                sb.Append(e.GetRawText());
                return;
        }
    }
}
