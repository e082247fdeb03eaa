using System.Globalization;
using Gongkai.Benchmarks;
using Gongkai.Benchmarks.Catalogue;

// dotnet run -c Release --project bench/Gongkai.Benchmarks -- COMMAND …
//   report-throughput [seconds]
//   catalogue-data DIR [documents]     (default 1,000,000)
//   catalogue DIR [seconds]            (wrk must be installed)
var name = args.Length > 0 ? args[0] : "report-throughput";
switch (name)
{
    case "report-throughput":
        ReportThroughput.Run(TimeSpan.FromSeconds(args.Length > 1 ? double.Parse(args[1], CultureInfo.InvariantCulture) : 5));
        break;
    case "catalogue-data" when args.Length > 1:
        await CatalogueData.RunAsync(args[1], args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 1_000_000);
        break;
    case "catalogue" when args.Length > 1:
        return await CatalogueLoad.RunAsync(args[1], TimeSpan.FromSeconds(args.Length > 2 ? double.Parse(args[2], CultureInfo.InvariantCulture) : 15));
    default:
        Console.Error.WriteLine($"未知的基准测试：{name}（可用：report-throughput [秒]、catalogue-data 目录 [件数]、catalogue 目录 [秒]）");
        return 2;
}
return 0;
