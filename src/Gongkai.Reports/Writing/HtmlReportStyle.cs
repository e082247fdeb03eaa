namespace Gongkai.Reports.Writing;

/// <summary>
/// The print style of <see cref="HtmlReport"/>: an A4 page with the margins of the official
/// document format (GB/T 9704: 37 mm top, 28 mm binding side, a 156 × 225 mm type area), the
/// official fonts first (方正小标宋 for the title, 黑体 for headings, 仿宋 for the text, 宋体 in
/// tables) and the CJK fonts of a Linux print server after them, table rows that never split
/// across pages and table headers repeated on each page.
/// </summary>
internal static class HtmlReportStyle
{
    public const string Css = """
        @page { size: A4; margin: 37mm 26mm 35mm 28mm; }
        html { color: #000; background: #fff; }
        body {
          margin: 0;
          font-family: "仿宋_GB2312", "仿宋", FangSong, STFangsong, "Noto Serif CJK SC", "Source Han Serif SC", SimSun, "宋体", serif;
          font-size: 16pt;
          line-height: 28pt;
        }
        @media screen { body { max-width: 156mm; margin: 2em auto; padding: 0 1em; } }
        h1 {
          font-family: "方正小标宋简体", "方正小标宋_GBK", "FZXiaoBiaoSong-B05S", "Noto Serif CJK SC", "Source Han Serif SC", "黑体", SimHei, "Noto Sans CJK SC", serif;
          font-size: 22pt;
          font-weight: normal;
          line-height: 1.5;
          text-align: center;
          margin: 0 0 28pt;
        }
        h2 {
          font-family: "黑体", SimHei, "Noto Sans CJK SC", "Source Han Sans SC", sans-serif;
          font-size: 16pt;
          font-weight: normal;
          margin: 0;
          text-indent: 2em;
          break-after: avoid;
          page-break-after: avoid;
        }
        p { margin: 0; text-indent: 2em; text-align: justify; }
        p.signature { margin-top: 28pt; text-align: right; }
        table {
          border-collapse: collapse;
          width: 100%;
          margin: 8pt 0 16pt;
          font-family: "宋体", SimSun, "Noto Serif CJK SC", "Source Han Serif SC", serif;
          font-size: 10.5pt;
          line-height: 1.4;
        }
        th, td { border: 0.75pt solid #000; padding: 2pt 3pt; text-align: center; vertical-align: middle; font-weight: normal; }
        td.label { text-align: left; }
        td.figure { white-space: nowrap; font-variant-numeric: tabular-nums; }
        thead { display: table-header-group; }
        tr { break-inside: avoid; page-break-inside: avoid; }
        /* A row that starts a rowspan group would carry the whole group with it to the next page. */
        tr:has(> [rowspan]) { break-inside: auto; page-break-inside: auto; }
        table.metadata { margin: 0 0 16pt; }
        table.metadata th { width: 12%; }
        table.metadata td { text-align: left; }
        td.flagged {
          background: #fde2e1;
          outline: 2pt solid #c00;
          outline-offset: -2pt;
          -webkit-print-color-adjust: exact;
          print-color-adjust: exact;
        }
        aside.findings { margin-top: 28pt; break-before: page; page-break-before: always; }
        aside.findings td { text-align: left; }
        aside.findings td:nth-child(-n+2) { white-space: nowrap; }
        aside.findings tr.error td:nth-child(2) { color: #c00; }

        """;
}
