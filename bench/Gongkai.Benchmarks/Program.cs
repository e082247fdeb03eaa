using System.Globalization;
using Gongkai.Benchmarks;
using Gongkai.Benchmarks.Catalogue;

// dotnet run -c Release --project bench/Gongkai.Benchmarks -- COMMAND …
//   report-throughput [seconds]
//   audit-throughput [runs]
//   report-generate [requests [runs]] [postgresql]
//   catalogue-data DIR [documents] [postgresql]  (default 1,000,000)
//   catalogue DIR [seconds]            (wrk must be installed)
//   catalogue DIR search               (the searches alone)
//   cluster [seconds]                  (wrk, redis-server, haproxy; PostgreSQL in GONGKAI_BENCH_POSTGRES)
//   import-documents [documents]       (default 1,000,000)
//   accuracy-corpus DIR                (chromium, poppler-utils and libreoffice must be installed)
//   accuracy DIR [--details]
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
    {
        var postgres = args.Contains("postgresql", StringComparer.OrdinalIgnoreCase);
        var numbers = args.Skip(1).Where(a => !a.Equals("postgresql", StringComparison.OrdinalIgnoreCase)).ToList();
        return await ReportGenerate.RunAsync(numbers.Count > 0 ? int.Parse(numbers[0], CultureInfo.InvariantCulture) : 1_000_000,
            numbers.Count > 1 ? int.Parse(numbers[1], CultureInfo.InvariantCulture) : 7, postgres);
    }
    case "catalogue-data" when args.Length > 1:
        await CatalogueData.RunAsync(args[1], args.Length > 2 && args[2] != "postgresql" ? int.Parse(args[2], CultureInfo.InvariantCulture) : 1_000_000,
            postgres: args.Contains("postgresql"));
        break;
    case "catalogue" when args.Length > 2 && args[2] == "search":
        return await CatalogueLoad.RunSearchesAsync(args[1]);
    case "catalogue" when args.Length > 1:
        return await CatalogueLoad.RunAsync(args[1], TimeSpan.FromSeconds(args.Length > 2 ? double.Parse(args[2], CultureInfo.InvariantCulture) : 15));
    case "cluster":
        return await ClusterLoad.RunAsync(TimeSpan.FromSeconds(args.Length > 1 ? double.Parse(args[1], CultureInfo.InvariantCulture) : 15));
    case "import-documents":
        return await DocumentImportBench.RunAsync(args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 1_000_000);
    case "accuracy-corpus" when args.Length > 1:
        Gongkai.Benchmarks.Accuracy.AccuracyCorpus.Build(args[1], Root.Find());
        break;
    case "accuracy" when args.Length > 1:
        var table = Gongkai.Benchmarks.Accuracy.AccuracyMeasure.Run(args[1], details: args.Contains("--details"));
        File.WriteAllText(Path.Combine(args[1], "accuracy.md"), table);
        Console.Write(table);
        break;
    case BareServer.Command:
        await BareServer.ServeAsync();
        break;
    default:
        Console.Error.WriteLine($"未知的基准测试：{name}（可用：report-throughput [秒]、audit-throughput [次数]、report-generate [申请数 [次数]] [postgresql]、catalogue-data 目录 [件数] [postgresql]、catalogue 目录 [秒|search]、cluster [秒]、import-documents [件数]、accuracy-corpus 目录、accuracy 目录）");
        return 2;
}
return 0;
