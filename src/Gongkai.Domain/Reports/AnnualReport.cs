namespace Gongkai.Domain.Reports;

/// <summary>
/// A 政府信息公开工作年度报告 as published: its metadata, the statistics tables of its template,
/// the legacy indicators, the prose sections, and what the reader noticed while reading it.
/// </summary>
public sealed class AnnualReport
{
    public ReportTemplate Template { get; set; } = ReportTemplate.Y2021;

    public string? Title { get; set; }

    public string? Agency { get; set; }

    public int? Year { get; set; }

    public ReportSource Source { get; } = new();

    public StatTable Proactive { get; } = new(ReportTable.Proactive);

    public StatTable Requests { get; } = new(ReportTable.Requests);

    public StatTable ReviewLitigation { get; } = new(ReportTable.ReviewLitigation);

    /// <summary>The statistics of a <c>legacy</c> report, in printed order.</summary>
    public List<Indicator> Indicators { get; } = [];

    public List<ReportSection> Sections { get; } = [];

    /// <summary>Findings raised while reading (origin <see cref="FindingOrigin.Reading"/>).</summary>
    public List<Finding> ReadingFindings { get; } = [];

    public StatTable Table(ReportTable table) => table switch
    {
        ReportTable.Proactive => Proactive,
        ReportTable.Requests => Requests,
        ReportTable.ReviewLitigation => ReviewLitigation,
    };

    public ReportSection? Section(int number) => Sections.Find(s => s.Number == number);

    /// <summary>
    /// The rows of a table: the template's, in official order, with any row of the other
    /// template the report printed instead (a single （六）其他处理 in a 2021 report) in its place.
    /// </summary>
    public IEnumerable<RowDef> Rows(ReportTable table)
    {
        var data = Table(table);
        var schema = ReportSchema.Rows(Template, table);
        foreach (var row in schema)
        {
            if (row.Key == "results.total")
            {
                foreach (var key in data.Keys)
                {
                    if (ReportSchema.Row(Template, table, key) is null && ReportSchema.AnyRow(Template, table, key) is { } extra)
                        yield return extra;
                }
            }
            yield return row;
        }
    }

    /// <summary>Every cell of the tables with its path, in official order.</summary>
    public IEnumerable<(string Path, RowDef Row, int Column, Cell Cell)> Cells()
    {
        foreach (var table in ReportSchema.Tables)
        {
            var data = Table(table);
            foreach (var row in Rows(table))
            {
                if (data[row.Key] is not { } cells)
                    continue;
                for (var c = 0; c < cells.Length && c < row.Columns.Count; c++)
                    yield return (row.CellPath(c), row, c, cells[c]);
            }
        }
    }

    /// <summary>
    /// Every cell a finding can name, by its path: the tables' cells and the legacy 统计表's
    /// indicators (<c>indicators.收到申请数</c>).
    /// </summary>
    public Dictionary<string, Cell> CellsByPath()
    {
        var cells = Cells().ToDictionary(c => c.Path, c => c.Cell, StringComparer.Ordinal);
        foreach (var indicator in Indicators)
            cells.TryAdd("indicators." + indicator.Label, indicator.Value);
        return cells;
    }
}

/// <summary>Where and how the report was published: the page's 信息公开 metadata.</summary>
public sealed class ReportSource
{
    /// <summary>索引号</summary>
    public string? IndexNumber { get; set; }

    /// <summary>发布机构</summary>
    public string? Publisher { get; set; }

    /// <summary>发文日期 / 发布日期 / 成文日期</summary>
    public DateOnly? IssuedOn { get; set; }

    /// <summary>文号</summary>
    public string? DocumentNumber { get; set; }

    /// <summary>分类 / 主题分类</summary>
    public string? Category { get; set; }

    /// <summary>The file format the report was read from: text, html, docx, pdf, json, csv.</summary>
    public string? Format { get; set; }
}

/// <summary>
/// A prose section 一…六 (legacy reports may have more). <see cref="Number"/> is the printed
/// ordinal, <see cref="Topic"/> what the section is about, whatever its number.
/// </summary>
public sealed record ReportSection(int Number, string Heading, string Text, SectionTopic Topic);

/// <summary>What a prose section is about; the numbering differs between templates.</summary>
public enum SectionTopic
{
    Other,
    Overview,
    Proactive,
    Requests,
    ReviewLitigation,
    Problems,
    OtherMatters,
}

public static class SectionTopics
{
    public static string Id(SectionTopic topic) => topic switch
    {
        SectionTopic.Other => "other",
        SectionTopic.Overview => "overview",
        SectionTopic.Proactive => "proactive",
        SectionTopic.Requests => "requests",
        SectionTopic.ReviewLitigation => "reviewLitigation",
        SectionTopic.Problems => "problems",
        SectionTopic.OtherMatters => "otherMatters",
    };

    public static SectionTopic FromId(string? id) => id switch
    {
        "overview" => SectionTopic.Overview,
        "proactive" => SectionTopic.Proactive,
        "requests" => SectionTopic.Requests,
        "reviewLitigation" => SectionTopic.ReviewLitigation,
        "problems" => SectionTopic.Problems,
        "otherMatters" => SectionTopic.OtherMatters,
        _ => SectionTopic.Other,
    };
}

/// <summary>
/// A line of a <c>legacy</c> 统计表: the label normalised to Simplified characters without its
/// numbering, the unit, and the value (null when blank).
/// </summary>
public sealed record Indicator(string Label, string Unit, Cell Value, string Printed, string? Group);
