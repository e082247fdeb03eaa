namespace Gongkai.Reports.Tests.Pdf;

/// <summary>A row of a fixture table: its key in the model, its printed label and group, its printed figures.</summary>
public sealed record FixtureRow(string Key, string Label, string[] Figures, string? Group = null);

/// <summary>A block of table 二: the 第二十条 item, its column headers and its rows.</summary>
public sealed record ProactiveBlock(string Item, string[] Columns, FixtureRow[] Rows);

/// <summary>The header words of tables 三 and 四, in the script the fixture is written in.</summary>
public sealed record TableWords(
    string Content, string Note, string Applicants, string NaturalPerson, string Organizations, string Total,
    string[] OrganizationKinds, string Results, string Review, string Litigation, string WithoutReview,
    string AfterReview, string[] Outcomes);

/// <summary>
/// Tables 二, 三 and 四 in the official layout (国办公开办函〔2019〕60号, 〔2021〕30号): table 二 in
/// four columns with spanned figure cells, table 三 with the rowspan 办理结果 and group labels,
/// table 四 under its three header rows.
/// </summary>
public static class OfficialTables
{
    public static List<Td[]> Proactive(TableWords words, IEnumerable<ProactiveBlock> blocks)
    {
        var rows = new List<Td[]>();
        foreach (var block in blocks)
        {
            rows.Add([new Td(block.Item, Cols: 4)]);
            rows.Add([new Td(words.Content), .. Spread(block.Columns)]);
            foreach (var row in block.Rows)
                rows.Add([new Td(row.Label), .. Spread(row.Figures)]);
        }
        return rows;
    }

    /// <summary>The header rows and rows of table 三; the first three rows are the header.</summary>
    public static List<Td[]> Requests(TableWords words, IReadOnlyList<FixtureRow> defs)
    {
        var rows = new List<Td[]>
        {
            new Td[] { new(words.Note, Rows: 3, Cols: 3), new(words.Applicants, Cols: 7) },
            new Td[] { new(words.NaturalPerson, Rows: 2), new(words.Organizations, Cols: 5), new(words.Total, Rows: 2) },
            words.OrganizationKinds.Select(k => new Td(k)).ToArray(),
        };
        var inResults = defs.Where(d => d.Key.StartsWith("results.", StringComparison.Ordinal)).ToList();
        string? group = null;
        foreach (var def in defs)
        {
            var line = new List<Td>();
            if (!def.Key.StartsWith("results.", StringComparison.Ordinal))
                line.Add(new Td(def.Label, Cols: 3));
            else
            {
                if (def == inResults[0])
                    line.Add(new Td(words.Results, Rows: inResults.Count));
                if (def.Group is null)
                    line.Add(new Td(def.Label, Cols: 2));
                else
                {
                    if (def.Group != group)
                        line.Add(new Td(def.Group, Rows: defs.Count(d => d.Group == def.Group)));
                    line.Add(new Td(def.Label));
                }
            }
            group = def.Group;
            line.AddRange(ReportHtml.Figures(def.Figures));
            rows.Add([.. line]);
        }
        return rows;
    }

    public static List<Td[]> Review(TableWords words, string[] figures)
    {
        List<Td> second = [.. words.Outcomes.Select(o => new Td(o, Rows: 2))];
        second.Add(new Td(words.WithoutReview, Cols: 5));
        second.Add(new Td(words.AfterReview, Cols: 5));
        return
        [
            [new Td(words.Review, Cols: 5), new Td(words.Litigation, Cols: 10)],
            [.. second],
            [.. words.Outcomes.Concat(words.Outcomes).Select(o => new Td(o))],
            [.. ReportHtml.Figures(figures)],
        ];
    }

    /// <summary>Cells after the label: the last one spans what is left of the four columns.</summary>
    private static IEnumerable<Td> Spread(string[] texts) =>
        texts.Select((t, i) => new Td(t, Cols: i == texts.Length - 1 ? 4 - texts.Length : 1));
}
