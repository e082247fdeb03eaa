namespace Gongkai.Core.Catalogue;

/// <summary>The last 索引号 serial given by an agency in a year; only ever incremented, in the publishing transaction.</summary>
public sealed class IndexNumberCounter
{
    public int AgencyId { get; set; }
    public int Year { get; set; }
    public int LastSerial { get; set; }
}
