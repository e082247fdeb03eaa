using System.CommandLine;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using Gongkai.Domain.Calendar;
using Gongkai.Domain.Requests;

namespace Gongkai.Cli.Commands;

/// <summary>
/// <c>gongkai requests simulate FILE.json</c>: replays a case history on the shipped calendar and
/// prints the clock as JSON, so a legal reviewer can ask "when is this due?" without a database
/// (docs/deadlines.md). Exit 0 when every step is lawful, 1 when one is refused, 2 when the file
/// cannot be read.
/// </summary>
internal static class SimulateCommand
{
    public static Command Create(CliConsole console)
    {
        var file = new Argument<string>("FILE") { Description = "案例文件（JSON）：{\"asOf\":\"yyyy-MM-dd\",\"steps\":[…]}；- 表示从标准输入读取。" };
        var command = new Command("simulate", "按办理步骤重放一件申请，输出当日的状态、答复期限、暂停计时期间、不合规之处和被拒绝的步骤（JSON）。不需要数据库，使用随程序发布的全国日历（未公布安排的年度按法定节假日临时计算）。")
        {
            file,
        };
        command.SetAction(r => Run(console, r.GetRequiredValue(file)));
        return command;
    }

    private static int Run(CliConsole console, string path)
    {
        string json;
        try
        {
            json = path == "-" ? Console.In.ReadToEnd() : File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return console.Fail($"无法读取文件“{path}”：{e.Message}");
        }
        SimulationInput input;
        try
        {
            input = Read(json);
        }
        catch (Exception e) when (e is JsonException or FormatException or InvalidDataException)
        {
            return console.Fail($"案例文件格式不正确：{e.Message}");
        }
        var result = CaseSimulation.Run(input.AsOf, input.Steps, NationalCalendar.Default, submittedOn: input.SubmittedOn);
        console.Out.WriteLine(Write(result));
        return result.Lawful ? ExitCodes.Ok : ExitCodes.Findings;
    }

    private sealed record SimulationInput(DateOnly AsOf, DateOnly? SubmittedOn, IReadOnlyList<SimulatedStep> Steps);

    private static SimulationInput Read(string json)
    {
        using var doc = JsonDocument.Parse(json, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
        var root = doc.RootElement;
        if (root.ValueKind != JsonValueKind.Object)
            throw new InvalidDataException("最外层应为对象，含 asOf 和 steps");
        var asOf = Date(root, "asOf", "asOf") ?? throw new InvalidDataException("缺少 asOf（模拟的当日，yyyy-MM-dd）");
        if (!root.TryGetProperty("steps", out var stepsElement) || stepsElement.ValueKind != JsonValueKind.Array)
            throw new InvalidDataException("缺少 steps 数组");
        var steps = new List<SimulatedStep>();
        var index = 0;
        foreach (var s in stepsElement.EnumerateArray())
        {
            var where = $"第{(index + 1).ToString(CultureInfo.InvariantCulture)}步";
            if (s.ValueKind != JsonValueKind.Object)
                throw new InvalidDataException($"{where}应为对象");
            steps.Add(new SimulatedStep
            {
                Step = Text(s, "step") ?? throw new InvalidDataException($"{where}缺少 step"),
                Date = Date(s, "date", where) ?? throw new InvalidDataException($"{where}缺少 date"),
                Channel = Text(s, "channel"),
                DeliveredOn = Date(s, "deliveredOn", where),
                Party = Text(s, "party"),
                Kind = Text(s, "kind"),
                WorkingDays = Int(s, "workingDays", where),
                PeriodWorkingDays = Int(s, "periodWorkingDays", where),
                Amount = s.TryGetProperty("amount", out var a) && a.ValueKind == JsonValueKind.Number ? a.GetDecimal() : null,
                Outcome = Text(s, "outcome"),
                Objects = s.TryGetProperty("objects", out var o) && o.ValueKind is JsonValueKind.True or JsonValueKind.False ? o.GetBoolean() : null,
                Reason = Text(s, "reason"),
                Reference = Text(s, "reference"),
            });
            index++;
        }
        return new SimulationInput(asOf, Date(root, "submittedOn", "submittedOn"), steps);
    }

    private static string? Text(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static int? Int(JsonElement e, string name, string where) =>
        !e.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null ? null
        : v.ValueKind == JsonValueKind.Number && v.TryGetInt32(out var n) ? n
        : throw new InvalidDataException($"{where}的 {name} 应为整数");

    private static DateOnly? Date(JsonElement e, string name, string where)
    {
        if (!e.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null)
            return null;
        if (v.ValueKind == JsonValueKind.String && DateOnly.TryParseExact(v.GetString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
            return d;
        throw new InvalidDataException($"{where}的 {name} 应为 yyyy-MM-dd 格式的日期");
    }

    private static readonly JsonWriterOptions WriterOptions = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static string Write(SimulationResult result)
    {
        var clock = result.Clock;
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, WriterOptions))
        {
            w.WriteStartObject();
            w.WriteString("asOf", Day(result.AsOf));
            w.WriteString("status", JsonNamingPolicy.CamelCase.ConvertName(clock.Status.ToString()));
            w.WriteString("statusLabel", RequestStatuses.Label(clock.Status));
            WriteDate(w, "answerDue", clock.AnswerDue);
            w.WriteBoolean("overdue", result.Overdue);
            if (clock.Outcome is { } outcome)
                w.WriteString("outcome", Outcomes.Of(outcome).RowKey);
            WriteDate(w, "decidedOn", clock.DecidedOn);
            WriteDate(w, "deliveredOn", clock.DeliveredOn);
            w.WriteStartArray("pauses");
            foreach (var p in clock.Pauses)
            {
                w.WriteStartObject();
                w.WriteString("from", Day(p.From));
                WriteDate(w, "to", p.To);
                w.WriteString("reason", p.Reason);
                if (p.EndReason is { } end)
                    w.WriteString("endReason", end);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            Strings(w, "irregularities", clock.Irregularities);
            w.WriteStartArray("refused");
            foreach (var r in result.Refused)
            {
                w.WriteStartObject();
                w.WriteString("step", r.Step);
                w.WriteNumber("index", r.Index);
                w.WriteString("reason", r.Reason);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteStartArray("deadlines");
            foreach (var d in result.Deadlines)
            {
                w.WriteStartObject();
                w.WriteString("label", d.Label);
                WriteDate(w, "date", d.Date);
                Strings(w, "explanation", d.Explanation);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            Strings(w, "awaitingDelivery", [.. clock.AwaitingDelivery.Select(a => a.Party is null ? a.Letter : $"{a.Letter}（{a.Party}）")]);
            Strings(w, "explanation", clock.ExplainAnswerDue());
            w.WriteEndObject();
        }
        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }

    private static void Strings(Utf8JsonWriter w, string name, IEnumerable<string> values)
    {
        w.WriteStartArray(name);
        foreach (var v in values)
            w.WriteStringValue(v);
        w.WriteEndArray();
    }

    private static void WriteDate(Utf8JsonWriter w, string name, DateOnly? date)
    {
        if (date is { } d)
            w.WriteString(name, Day(d));
        else
            w.WriteNull(name);
    }

    private static string Day(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
