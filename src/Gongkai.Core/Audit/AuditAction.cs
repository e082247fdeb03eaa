namespace Gongkai.Core.Audit;

/// <summary>What an audit entry records. Stored by name, so values may be added but never renamed.</summary>
public enum AuditAction
{
    SystemInitialised,
    DemoSeeded,
    LoginSucceeded,
    LoginFailed,
    LockedOut,
    LoggedOut,
    PasswordChanged,
    TwoFactorEnabled,
    TwoFactorDisabled,
    AccountRegistered,
    AccountCreated,
    AccountUpdated,
    AccountLocked,
    AccountUnlocked,
    PasswordReset,
    AgencyCreated,
    AgencyUpdated,
    FileUploaded,
    PersonalDataViewed,
    AuditExported,
    BackupCreated,
    BackupRestored,
    SupervisionWorkspaceCreated,
    SupervisionReportsAdded,
    SupervisionUnitAssigned,
    SupervisionFindingDecided,
    SupervisionExported,
}

public static class AuditActions
{
    public static string Label(this AuditAction action) => action switch
    {
        AuditAction.SystemInitialised => "系统初始化",
        AuditAction.DemoSeeded => "载入演示数据",
        AuditAction.LoginSucceeded => "登录成功",
        AuditAction.LoginFailed => "登录失败",
        AuditAction.LockedOut => "账号被锁定",
        AuditAction.LoggedOut => "退出登录",
        AuditAction.PasswordChanged => "修改密码",
        AuditAction.TwoFactorEnabled => "启用动态口令",
        AuditAction.TwoFactorDisabled => "停用动态口令",
        AuditAction.AccountRegistered => "申请人注册",
        AuditAction.AccountCreated => "创建账号",
        AuditAction.AccountUpdated => "修改账号",
        AuditAction.AccountLocked => "停用账号",
        AuditAction.AccountUnlocked => "启用账号",
        AuditAction.PasswordReset => "重置密码",
        AuditAction.AgencyCreated => "新建机关",
        AuditAction.AgencyUpdated => "修改机关",
        AuditAction.FileUploaded => "上传文件",
        AuditAction.PersonalDataViewed => "查看个人信息",
        AuditAction.AuditExported => "导出审计日志",
        AuditAction.BackupCreated => "备份数据库",
        AuditAction.BackupRestored => "恢复数据库",
        AuditAction.SupervisionWorkspaceCreated => "新建年报检查",
        AuditAction.SupervisionReportsAdded => "收录受检报告",
        AuditAction.SupervisionUnitAssigned => "指定报告所属单位",
        AuditAction.SupervisionFindingDecided => "核实检查发现的问题",
        AuditAction.SupervisionExported => "导出年报检查结果",
    };
}
