namespace Gongkai.Tests;

/// <summary>
/// The <c>Category</c> trait of tests that need more than the .NET SDK: <c>./test.sh --fast</c>
/// leaves them out (<c>--filter "Category!=Browser&amp;Category!=PostgreSQL"</c>). A theory that runs
/// on both databases takes its providers from TestDatabase.Providers instead, which --fast narrows
/// to SQLite. Linked into every test project.
/// </summary>
public static class TestCategory
{
    public const string Name = "Category";

    /// <summary>Drives chromium against the app in its own process (Gongkai.E2E).</summary>
    public const string Browser = "Browser";

    /// <summary>Needs the PostgreSQL server test.sh starts.</summary>
    public const string PostgreSQL = "PostgreSQL";
}
