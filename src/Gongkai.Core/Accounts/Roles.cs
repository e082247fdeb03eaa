namespace Gongkai.Core.Accounts;

/// <summary>The roles of the Regulation's workflow. Codes are what the database and code use; labels what people read.</summary>
public static class Roles
{
    public const string Admin = "admin";
    public const string OfficeHead = "office-head";
    public const string Handler = "handler";
    public const string Reviewer = "reviewer";
    public const string LegalReviewer = "legal-reviewer";
    public const string Supervisor = "supervisor";
    public const string Applicant = "applicant";

    public static readonly IReadOnlyList<string> All = [Admin, OfficeHead, Handler, Reviewer, LegalReviewer, Supervisor, Applicant];

    /// <summary>Roles that work inside an agency and reach the staff area.</summary>
    public static readonly IReadOnlyList<string> Staff = [Admin, OfficeHead, Handler, Reviewer, LegalReviewer, Supervisor];

    public static string Label(string role) => role switch
    {
        Admin => "系统管理员",
        OfficeHead => "公开办负责人",
        Handler => "承办人",
        Reviewer => "保密审查员",
        LegalReviewer => "法制审核员",
        Supervisor => "上级监督",
        Applicant => "申请人",
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, "未知角色"),
    };
}
