using Gongkai.Domain.Reports;
using Gongkai.Reports;
using Gongkai.Reports.Formats;

var r = ReportFile.Read(args[0]);
Console.WriteLine(JsonReport.Write(r.Report, r.Findings));
