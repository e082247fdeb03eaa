using Gongkai.Domain.Agencies;

namespace Gongkai.Core.Agencies;

/// <summary>What an administrator enters for an agency; property names are the form's field names.</summary>
public sealed record AgencyInput
{
    public int? ParentId { get; init; }
    public string Name { get; init; } = "";
    public AgencyLevel Level { get; init; }
    public string OrganizationCode { get; init; } = "";
    public int SortOrder { get; init; }
    public string OfficeName { get; init; } = "";
    public string OfficeAddress { get; init; } = "";
    public string? PostalCode { get; init; }
    public string OfficePhone { get; init; } = "";
    public string? OfficeFax { get; init; }
    public string? OfficeEmail { get; init; }
    public string? OfficeHours { get; init; }
    public string Guide { get; init; } = "";

    public static AgencyInput From(Agency a) => new()
    {
        ParentId = a.ParentId, Name = a.Name, Level = a.Level, OrganizationCode = a.OrganizationCode,
        SortOrder = a.SortOrder, OfficeName = a.OfficeName, OfficeAddress = a.OfficeAddress,
        PostalCode = a.PostalCode, OfficePhone = a.OfficePhone, OfficeFax = a.OfficeFax,
        OfficeEmail = a.OfficeEmail, OfficeHours = a.OfficeHours, Guide = a.Guide,
    };
}
