namespace Gongkai.Domain.Catalogue;

/// <summary>
/// 主题分类: the national subject classification of government information (the 21 subjects of
/// the State Council's catalogue), shared by every agency so the public can browse across them.
/// Stored by name, so values may be added but never renamed.
/// </summary>
public enum Topic
{
    General,
    EconomyAndStateAssets,
    FinanceAndAudit,
    LandAndEnergy,
    AgricultureForestryWater,
    IndustryAndTransport,
    CommerceCustomsTourism,
    MarketAndSafetyRegulation,
    ConstructionAndEnvironment,
    ScienceAndEducation,
    CultureAndMedia,
    HealthAndSports,
    PopulationWomenChildren,
    LabourAndPersonnel,
    SecurityAndJustice,
    CivilAffairsAndRelief,
    EthnicAndReligious,
    ForeignAffairs,
    HongKongMacaoTaiwan,
    Defence,
    Other,
}

public static class Topics
{
    public static string Label(this Topic topic) => topic switch
    {
        Topic.General => "综合政务",
        Topic.EconomyAndStateAssets => "国民经济管理、国有资产监管",
        Topic.FinanceAndAudit => "财政、金融、审计",
        Topic.LandAndEnergy => "国土资源、能源",
        Topic.AgricultureForestryWater => "农业、林业、水利",
        Topic.IndustryAndTransport => "工业、交通",
        Topic.CommerceCustomsTourism => "商贸、海关、旅游",
        Topic.MarketAndSafetyRegulation => "市场监管、安全生产监管",
        Topic.ConstructionAndEnvironment => "城乡建设、环境保护",
        Topic.ScienceAndEducation => "科技、教育",
        Topic.CultureAndMedia => "文化、广电、新闻出版",
        Topic.HealthAndSports => "卫生、体育",
        Topic.PopulationWomenChildren => "人口与计划生育、妇女儿童工作",
        Topic.LabourAndPersonnel => "劳动、人事、监察",
        Topic.SecurityAndJustice => "公安、安全、司法",
        Topic.CivilAffairsAndRelief => "民政、扶贫、救灾",
        Topic.EthnicAndReligious => "民族、宗教",
        Topic.ForeignAffairs => "对外事务",
        Topic.HongKongMacaoTaiwan => "港澳台侨工作",
        Topic.Defence => "国防",
        Topic.Other => "其他",
    };
}
