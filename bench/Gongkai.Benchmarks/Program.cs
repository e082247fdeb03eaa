using System.Globalization;
using Gongkai.Benchmarks;

// dotnet run -c Release --project bench/Gongkai.Benchmarks -- [report-throughput] [seconds]
var name = args.Length > 0 ? args[0] : "report-throughput";
var seconds = args.Length > 1 ? double.Parse(args[1], CultureInfo.InvariantCulture) : 5;
switch (name)
{
    case "report-throughput":
        ReportThroughput.Run(TimeSpan.FromSeconds(seconds));
        break;
    default:
        Console.Error.WriteLine($"未知的基准测试：{name}（可用：report-throughput）");
        return 2;
}
return 0;
