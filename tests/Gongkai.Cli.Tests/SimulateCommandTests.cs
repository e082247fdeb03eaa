using System.Text.Json;
using Gongkai.Reports.Tests;

namespace Gongkai.Cli.Tests;

/// <summary>
/// <c>gongkai requests simulate</c> on the cases of docs/deadlines.md (docs/examples/simulate), each
/// with the answer the law gives: the examples a legal reviewer reads are the ones tested.
/// </summary>
public class SimulateCommandTests
{
    private static string Example(string name) => Path.Combine(TestFiles.Root, "docs", "examples", "simulate", name);

    private static (int ExitCode, JsonElement Json) Simulate(string file)
    {
        var result = CliRun.Run("requests", "simulate", file);
        result.Error.ShouldBeEmpty();
        return (result.ExitCode, JsonDocument.Parse(result.Out).RootElement.Clone());
    }

    private static string? Text(JsonElement e, string name) => e.GetProperty(name).ValueKind == JsonValueKind.Null ? null : e.GetProperty(name).GetString();

    [Fact]
    public void ThirdPartyNeverReplies_PauseEndsWithItsTerm_DueOnTheTwentyFirst()
    {
        var (exit, json) = Simulate(Example("01-consultation-no-reply.json"));

        exit.ShouldBe(0);
        Text(json, "answerDue").ShouldBe("2026-04-21");
        var pause = json.GetProperty("pauses").EnumerateArray().ShouldHaveSingleItem();
        (Text(pause, "from"), Text(pause, "to")).ShouldBe(("2026-03-05", "2026-03-26"));
        json.GetProperty("overdue").GetBoolean().ShouldBeTrue();
    }

    [Fact]
    public void FeeSignedForLater_DueFromReceipt_ClosingOnTheFirstRefused()
    {
        var (exit, json) = Simulate(Example("02-fee-signed-for-later.json"));

        exit.ShouldBe(1);
        var refused = json.GetProperty("refused").EnumerateArray().ShouldHaveSingleItem();
        Text(refused, "step").ShouldBe("decided");
        Text(refused, "reason")!.ShouldContain("缴费期限2026-04-03尚未届满");
        Text(json.GetProperty("deadlines")[0], "date").ShouldBe("2026-04-03");
    }

    [Fact]
    public void ConsultationPosted_ReplyDueFifteenWorkingDaysFromReceipt()
    {
        var (exit, json) = Simulate(Example("03-consultation-posted.json"));

        exit.ShouldBe(0);
        Text(json, "status").ShouldBe("consulting");
        Text(json.GetProperty("deadlines")[0], "date").ShouldBe("2026-03-30");
        Text(json.GetProperty("pauses")[0], "to").ShouldBe("2026-03-30");
    }

    [Fact]
    public void CorrectionOfOneDay_RefusedAndClosingForNoCorrectionToo()
    {
        var (exit, json) = Simulate(Example("04-correction-one-day.json"));

        exit.ShouldBe(1);
        json.GetProperty("refused").EnumerateArray().Select(r => Text(r, "step")).ShouldBe(["correctionRequested", "decided"]);
        Text(json.GetProperty("refused")[0], "reason")!.ShouldContain("补正期限应为5至30个工作日");
    }

    [Fact]
    public void NoArrangementYet_NewYearsDayIsARestDay_AndSaidToBeProvisional()
    {
        var (exit, json) = Simulate(Example("05-no-arrangement-yet.json"));

        exit.ShouldBe(0);
        Text(json, "answerDue").ShouldBe("2027-01-04");
        json.GetProperty("explanation").EnumerateArray().ShouldContain(l => l.GetString()!.Contains("临时结果"));
    }

    [Fact]
    public void ExtensionThenCorrection_TheRestartGivesAFreshTwenty()
    {
        var (_, json) = Simulate(Example("06-extension-then-correction.json"));

        Text(json, "answerDue").ShouldBe("2026-04-08");
    }

    [Fact]
    public void MassRepeated_RefusedWithoutReasons_AcceptedOnceTheirPeriodRanOut()
    {
        var (without, withoutJson) = Simulate(Example("08-mass-repeated-without-reasons.json"));
        var (after, afterJson) = Simulate(Example("08b-mass-repeated-after-reasons.json"));

        without.ShouldBe(1);
        Text(withoutJson.GetProperty("refused")[0], "reason")!.ShouldContain("条例第三十五条");
        after.ShouldBe(0);
        Text(afterJson, "outcome").ShouldBe("results.notProcessed.massRepeated");
    }

    [Fact]
    public void DecidedOnTime_DeliveredTwoMonthsLater_Flagged()
    {
        var (exit, json) = Simulate(Example("09-delivered-two-months-later.json"));

        exit.ShouldBe(0);
        Text(json, "status").ShouldBe("closed");
        json.GetProperty("irregularities").EnumerateArray().ShouldHaveSingleItem().GetString()!.ShouldContain("晚于答复期限2026-03-30");
    }

    [Theory]
    [InlineData("""{"steps":[]}""", "缺少 asOf")]
    [InlineData("""{"asOf":"2026/03/02","steps":[]}""", "yyyy-MM-dd")]
    [InlineData("""{"asOf":"2026-03-02","steps":[{"date":"2026-03-02"}]}""", "第1步缺少 step")]
    [InlineData("""{"asOf":"2026-03-02","steps":[{"step":"received","date":"2026-03-02","workingDays":"x"}]}""", "应为整数")]
    [InlineData("not json", "格式不正确")]
    public void UnreadableCase_ExitsTwoWithAChineseMessage(string json, string message)
    {
        using var temp = new TempDir();
        var result = CliRun.Run("requests", "simulate", temp.Write("case.json", System.Text.Encoding.UTF8.GetBytes(json)));

        result.ExitCode.ShouldBe(2);
        result.Error.ShouldContain(message);
    }

    [Fact]
    public void UnknownStep_RefusedAndTheRestGoesOn()
    {
        using var temp = new TempDir();
        var file = temp.Write("case.json", """{"asOf":"2026-03-10","steps":[{"step":"received","date":"2026-03-02"},{"step":"appealed","date":"2026-03-03"},{"step":"decided","date":"2026-03-05","outcome":"results.granted"}]}"""u8.ToArray());

        var (exit, json) = Simulate(file);

        exit.ShouldBe(1);
        Text(json.GetProperty("refused")[0], "reason")!.ShouldContain("未知的步骤“appealed”");
        Text(json, "status").ShouldBe("decided");
    }
}
