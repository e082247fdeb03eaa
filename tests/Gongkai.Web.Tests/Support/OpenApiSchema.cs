using System.Text.Json;

namespace Gongkai.Web.Tests.Support;

/// <summary>
/// Checks a JSON answer against the response schema the app's own OpenAPI document gives its
/// operation: every required member present, every member the schema names of its type (nulls
/// where the schema allows them), arrays item by item, references followed. Enough of JSON Schema
/// for what ASP.NET Core generates; anything the check does not know fails it rather than passing.
/// </summary>
public sealed class OpenApiSchema(JsonElement document)
{
    public static async Task<OpenApiSchema> LoadAsync(HttpClient client) =>
        new(JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json")).RootElement);

    /// <summary>The problems of <paramref name="json"/> as the 200 answer of GET <paramref name="path"/> (a path of the document, e.g. /api/v1/documents/{id}).</summary>
    public IReadOnlyList<string> Problems(string path, string json)
    {
        var schema = document.GetProperty("paths").GetProperty(path).GetProperty("get").GetProperty("responses").GetProperty("200")
            .GetProperty("content").GetProperty("application/json").GetProperty("schema");
        var problems = new List<string>();
        Check(schema, JsonDocument.Parse(json).RootElement, "$", problems);
        return problems;
    }

    private void Check(JsonElement schema, JsonElement value, string at, List<string> problems)
    {
        if (schema.TryGetProperty("$ref", out var reference))
        {
            var name = reference.GetString()!.Split('/')[^1];
            Check(document.GetProperty("components").GetProperty("schemas").GetProperty(name), value, at, problems);
            return;
        }
        foreach (var keyword in new[] { "oneOf", "anyOf" })
            if (schema.TryGetProperty(keyword, out var options))
            {
                if (!options.EnumerateArray().Any(o => { var p = new List<string>(); Check(o, value, at, p); return p.Count == 0; }))
                    problems.Add($"{at}: matches none of {keyword}");
                return;
            }
        var types = !schema.TryGetProperty("type", out var type) ? []
            : type.ValueKind == JsonValueKind.Array ? type.EnumerateArray().Select(t => t.GetString()!).ToList() : [type.GetString()!];
        if (value.ValueKind == JsonValueKind.Null)
        {
            if (!types.Contains("null") && !(schema.TryGetProperty("nullable", out var nullable) && nullable.GetBoolean()))
                problems.Add($"{at}: null where the schema does not allow it");
            return;
        }
        if (types.Count == 0)
        {
            if (schema.EnumerateObject().Any(p => p.Name is "properties" or "items")) problems.Add($"{at}: schema without a type");
            return;
        }
        var kind = value.ValueKind switch
        {
            JsonValueKind.String => "string",
            JsonValueKind.Number => value.TryGetInt64(out _) && types.Contains("integer") ? "integer" : "number",
            JsonValueKind.True or JsonValueKind.False => "boolean",
            JsonValueKind.Array => "array",
            JsonValueKind.Object => "object",
            _ => "?",
        };
        if (!types.Contains(kind) && !(kind == "integer" && types.Contains("number")) && !(kind == "number" && types.Contains("string")))
        {
            problems.Add($"{at}: {kind} where the schema says {string.Join("|", types)}");
            return;
        }
        if (kind == "string" && schema.TryGetProperty("enum", out var values) && !values.EnumerateArray().Any(v => v.ValueKind == JsonValueKind.String && v.GetString() == value.GetString()))
            problems.Add($"{at}: “{value.GetString()}” is not one of the schema's values");
        if (kind == "array" && schema.TryGetProperty("items", out var items))
        {
            var i = 0;
            foreach (var item in value.EnumerateArray()) Check(items, item, $"{at}[{i++}]", problems);
        }
        if (kind != "object") return;
        if (schema.TryGetProperty("required", out var required))
            foreach (var name in required.EnumerateArray().Select(r => r.GetString()!))
                if (!value.TryGetProperty(name, out _)) problems.Add($"{at}.{name}: required but missing");
        if (schema.TryGetProperty("properties", out var properties))
        {
            foreach (var member in value.EnumerateObject())
            {
                if (properties.TryGetProperty(member.Name, out var memberSchema)) Check(memberSchema, member.Value, $"{at}.{member.Name}", problems);
                else if (!schema.TryGetProperty("additionalProperties", out _)) problems.Add($"{at}.{member.Name}: not in the schema");
            }
        }
        else if (schema.TryGetProperty("additionalProperties", out var additional) && additional.ValueKind == JsonValueKind.Object)
            foreach (var member in value.EnumerateObject()) Check(additional, member.Value, $"{at}.{member.Name}", problems);
    }
}
