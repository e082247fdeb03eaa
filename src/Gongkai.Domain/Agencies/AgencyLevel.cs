namespace Gongkai.Domain.Agencies;

/// <summary>行政层级: where an agency sits in the hierarchy of government.</summary>
public enum AgencyLevel
{
    Province,
    City,
    County,
    Department,
    Township,
}

public static class AgencyLevels
{
    public static string Label(this AgencyLevel level) => level switch
    {
        AgencyLevel.Province => "省",
        AgencyLevel.City => "市",
        AgencyLevel.County => "区县",
        AgencyLevel.Department => "部门",
        AgencyLevel.Township => "乡镇街道",
    };

    /// <summary>
    /// Which levels may sit directly under which. A deployment may start at a province, a city or a
    /// county; departments belong to a government (or to a department, for 派出机构); townships and
    /// streets belong to a county or to a city without districts.
    /// </summary>
    public static bool CanBeChildOf(this AgencyLevel child, AgencyLevel? parent) => (child, parent) switch
    {
        (AgencyLevel.Province, null) => true,
        (AgencyLevel.City, null or AgencyLevel.Province) => true,
        (AgencyLevel.County, null or AgencyLevel.Province or AgencyLevel.City) => true,
        (AgencyLevel.Department, AgencyLevel.Province or AgencyLevel.City or AgencyLevel.County or AgencyLevel.Department) => true,
        (AgencyLevel.Township, AgencyLevel.City or AgencyLevel.County) => true,
        _ => false,
    };
}
