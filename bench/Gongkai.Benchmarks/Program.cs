using System.Globalization;
using Gongkai.Benchmarks;

// dotnet run -c Release --project bench/Gongkai.Benchmarks -- [report-throughput [seconds] | audit-throughput [runs]]
var name = args.Length > 0 ? args[0] : "report-throughput";
switch (name)
{
    case "report-throughput":
        ReportThroughput.Run(TimeSpan.FromSeconds(args.Length > 1 ? double.Parse(args[1], CultureInfo.InvariantCulture) : 5));
        break;
    case "audit-throughput":
        AuditThroughput.Run(args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 5);
        break;
    default:
        Console.Error.WriteLine($"未知的基准测试：{name}（可用：report-throughput、audit-throughput）");
        return 2;
}
return 0;
