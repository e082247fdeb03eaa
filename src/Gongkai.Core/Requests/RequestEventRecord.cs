using System.Text.Json;
using System.Text.Json.Serialization;
using Gongkai.Domain.Requests;

namespace Gongkai.Core.Requests;

/// <summary>
/// One stored step of a request's history: the legal date, the kind, the step's data as JSON, who
/// recorded it and when (UTC). Rows are only ever added: the database refuses UPDATE and DELETE.
/// </summary>
public sealed class RequestEventRecord
{
    public long Id { get; init; }
    public int RequestId { get; init; }
    /// <summary>1, 2, 3 … within the request; unique, so two concurrent steps cannot both be the next.</summary>
    public int Sequence { get; init; }
    public required string Kind { get; init; }
    public DateOnly Date { get; init; }
    public required string Payload { get; init; }
    public Guid? RecordedById { get; init; }
    public required string RecordedByName { get; init; }
    public DateTime RecordedAt { get; init; }

    public RequestEvent ToEvent() => RequestEventJson.Read(Kind, Payload);
}

/// <summary>The JSON of each kind of step: the domain record itself, enums by name, so it reads back whatever the code's order of values.</summary>
public static class RequestEventJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All),
    };

    public static string Kind(RequestEvent e) => e.GetType().Name;

    public static string Write(RequestEvent e) => JsonSerializer.Serialize(e, e.GetType(), Options);

    public static RequestEvent Read(string kind, string payload) => kind switch
    {
        nameof(Received) => Deserialize<Received>(payload),
        nameof(CorrectionRequested) => Deserialize<CorrectionRequested>(payload),
        nameof(CorrectionReceived) => Deserialize<CorrectionReceived>(payload),
        nameof(ConsultationStarted) => Deserialize<ConsultationStarted>(payload),
        nameof(ConsultationReplied) => Deserialize<ConsultationReplied>(payload),
        // Histories recorded before several consultations: {date, opinion}, the one under way.
        "ConsultationEnded" => Deserialize<ConsultationReplied>(payload),
        nameof(Extended) => Deserialize<Extended>(payload),
        nameof(FeeNotified) => Deserialize<FeeNotified>(payload),
        nameof(FeePaid) => Deserialize<FeePaid>(payload),
        nameof(FeeWaived) => Deserialize<FeeWaived>(payload),
        nameof(ReasonsRequested) => Deserialize<ReasonsRequested>(payload),
        nameof(ReasonsReceived) => Deserialize<ReasonsReceived>(payload),
        nameof(Decided) => Deserialize<Decided>(payload),
        nameof(Withdrawn) => Deserialize<Withdrawn>(payload),
        nameof(Delivered) => Deserialize<Delivered>(payload),
        _ => throw new InvalidOperationException($"未知的办理步骤类型“{kind}”"),
    };

    private static T Deserialize<T>(string payload) where T : RequestEvent =>
        JsonSerializer.Deserialize<T>(payload, Options) ?? throw new InvalidOperationException("办理步骤数据为空");
}
