using System.Reflection;
using Gongkai.Core.Storage;
using NetArchTest.Rules;

namespace Gongkai.Web.Tests.Architecture;

/// <summary>
/// The layering of docs/architecture.md, enforced: pages and endpoints call Core's queries and use
/// cases and never the database; Core is usable without a web server; Domain is pure rules.
/// </summary>
public sealed class ArchitectureTests
{
    private static readonly Assembly Web = typeof(Program).Assembly;
    private static readonly Assembly Core = typeof(GongkaiDbContext).Assembly;
    private static readonly Assembly Domain = typeof(Domain.Reports.StatTable).Assembly;

    /// <summary>The composition root registers the database (WebSetup) and keeps the cookie keys in it (ScaleOut); nothing else in the web layer may see it.</summary>
    private static readonly string[] CompositionRoot = ["Gongkai.Web.Hosting.WebSetup", "Gongkai.Web.Hosting.ScaleOut"];

    [Fact]
    public void WebTypes_DoNotDependOnTheDatabase()
    {
        var result = Types.InAssembly(Web)
            .That().DoNotHaveNameMatching("^<") // compiler-generated
            .ShouldNot().HaveDependencyOnAny(typeof(GongkaiDbContext).FullName!, "Microsoft.EntityFrameworkCore")
            .GetResult();

        Offenders(result).Where(t => !CompositionRoot.Any(root => t.StartsWith(root, StringComparison.Ordinal)))
            .ShouldBeEmpty("pages and endpoints read through Core's query services and write through its use cases");
    }

    [Fact]
    public void Core_DoesNotDependOnTheWebFramework()
    {
        // Identity's user store and password hasher are libraries Core uses without a web server; the
        // request pipeline, MVC, Razor Pages and routing are the web layer's.
        var result = Types.InAssembly(Core)
            .ShouldNot().HaveDependencyOnAny("Microsoft.AspNetCore.Http", "Microsoft.AspNetCore.Mvc", "Microsoft.AspNetCore.Routing",
                "Microsoft.AspNetCore.Builder", "Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.RateLimiting", "Microsoft.AspNetCore.OutputCaching",
                "Gongkai.Web")
            .GetResult();

        Offenders(result).ShouldBeEmpty();
    }

    [Fact]
    public void Domain_ReferencesNoPackageAndNoOtherLayer()
    {
        Domain.GetReferencedAssemblies().Select(a => a.Name!)
            .Where(name => !(name.StartsWith("System", StringComparison.Ordinal) || name is "netstandard" or "mscorlib"))
            .ShouldBeEmpty("Domain holds pure rules on the base library only");
        Offenders(Types.InAssembly(Domain).ShouldNot().HaveDependencyOnAny("Gongkai.Core", "Gongkai.Web", "Gongkai.Reports", "Microsoft").GetResult())
            .ShouldBeEmpty();
    }

    private static IEnumerable<string> Offenders(TestResult result) =>
        result.IsSuccessful ? [] : (result.FailingTypeNames ?? []).Distinct().Order(StringComparer.Ordinal);
}
