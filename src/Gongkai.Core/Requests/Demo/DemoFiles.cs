namespace Gongkai.Core.Requests.Demo;

internal static class DemoFiles
{
    /// <summary>A 1×1 grey PNG standing in for the scan of an identity card.</summary>
    public static byte[] IdentityScan { get; } = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAAAAAA6fptVAAAACklEQVR4nGO4AwAAtgC1KWnr2AAAAABJRU5ErkJggg==");
}
