using System.Globalization;
using Gongkai.Benchmarks;

// dotnet run -c Release --project bench/Gongkai.Benchmarks -- [report-throughput [seconds] | audit-throughput [runs] | report-generate [requests [runs]]]
var name = args.Length > 0 ? args[0] : "report-throughput";
switch (name)
{
    case "report-throughput":
        ReportThroughput.Run(TimeSpan.FromSeconds(args.Length > 1 ? double.Parse(args[1], CultureInfo.InvariantCulture) : 5));
        break;
    case "audit-throughput":
        AuditThroughput.Run(args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 5);
        break;
    case "report-generate":
        return await ReportGenerate.RunAsync(args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 1_000_000,
            args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 7);
    default:
        Console.Error.WriteLine($"未知的基准测试：{name}（可用：report-throughput、audit-throughput、report-generate）");
        return 2;
}
return 0;
