namespace Gongkai.Domain.Security;

/// <summary>A wait that doubles with every step, from a first length up to a longest one.</summary>
internal static class Doubling
{
    public static TimeSpan Wait(TimeSpan first, int step, TimeSpan longest)
    {
        if (step < 1)
            return TimeSpan.Zero;
        // Past about 30 doublings any sensible first wait exceeds the longest; stop before overflowing.
        var factor = step > 30 ? double.MaxValue : Math.Pow(2, step - 1);
        return first.TotalSeconds * factor >= longest.TotalSeconds ? longest : first * factor;
    }
}
