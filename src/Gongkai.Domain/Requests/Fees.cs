namespace Gongkai.Domain.Requests;

/// <summary>The basis of a fee (国办函〔2020〕109号): per request or per volume, one per request.</summary>
public enum FeeBasis
{
    /// <summary>按件计收</summary>
    PerRequest,

    /// <summary>按量计收</summary>
    PerVolume,
}

/// <summary>信息处理费 under 国办函〔2020〕109号. Both bases are marginal.</summary>
public static class Fees
{
    public const int PaymentWorkingDays = 20;

    /// <summary>国办函〔2020〕109号 applies to requests received from 1 January 2021.</summary>
    public static readonly DateOnly EffectiveFrom = new(2021, 1, 1);

    /// <summary>
    /// 按件: for the applicant's <paramref name="ordinalInMonth"/>-th request of the calendar month.
    /// 1–10 free; 11–30 ¥100 each; from the 31st, ¥100 more per request for each further band of 10.
    /// </summary>
    public static decimal PerRequest(int ordinalInMonth)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(ordinalInMonth, 1);
        if (ordinalInMonth <= 10)
            return 0;
        if (ordinalInMonth <= 30)
            return 100;
        return 100 + 100 * ((ordinalInMonth - 31) / 10 + 1);
    }

    /// <summary>
    /// 按量: up to 30 pages free; pages 31–100 ¥10 each; 101–200 ¥20 each; beyond 200 ¥40 each.
    /// </summary>
    public static decimal PerVolume(int pages)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(pages);
        decimal fee = 0;
        fee += Math.Max(0, Math.Min(pages, 100) - 30) * 10m;
        fee += Math.Max(0, Math.Min(pages, 200) - 100) * 20m;
        fee += Math.Max(0, pages - 200) * 40m;
        return fee;
    }

    /// <summary>
    /// The place of a request among its applicant's requests of the same calendar month (按件计收 counts
    /// per applicant per month, by receipt date): 1 + the applicant's requests received earlier that
    /// month, given the receipt dates of the applicant's requests registered before this one.
    /// </summary>
    public static int OrdinalInMonth(DateOnly received, IEnumerable<DateOnly> earlierReceipts) =>
        1 + earlierReceipts.Count(d => d.Year == received.Year && d.Month == received.Month && d <= received);

    public static decimal Amount(FeeBasis basis, int quantity) => basis switch
    {
        FeeBasis.PerRequest => PerRequest(quantity),
        FeeBasis.PerVolume => PerVolume(quantity),
    };

    public static string Label(FeeBasis basis) => basis switch
    {
        FeeBasis.PerRequest => "按件计收",
        FeeBasis.PerVolume => "按量计收",
    };
}
