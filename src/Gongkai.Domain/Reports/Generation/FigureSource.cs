namespace Gongkai.Domain.Reports.Generation;

/// <summary>Where a figure of a generated report comes from (数据来源).</summary>
public enum FigureSource
{
    /// <summary>Counted from the platform's records: requests, reviews, published normative documents.</summary>
    System,

    /// <summary>Entered by a member of staff.</summary>
    Entered,

    /// <summary>Imported from a CSV file.</summary>
    Imported,
}

public static class FigureSources
{
    public static string Label(this FigureSource source) => source switch
    {
        FigureSource.System => "系统统计",
        FigureSource.Entered => "人工填报",
        FigureSource.Imported => "文件导入",
    };
}
