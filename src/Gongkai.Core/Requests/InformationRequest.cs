using System.Globalization;
using Gongkai.Domain.Requests;

namespace Gongkai.Core.Requests;

/// <summary>
/// 政府信息公开申请: what the applicant asked (条例第二十九条) and who is handling it. Its history is the
/// append-only list of <see cref="RequestEventRecord"/>s; <see cref="Status"/>, <see cref="Outcome"/>
/// and the dates below are copies derived from that history, written with each event in the same
/// transaction, for lists and statistics. Due dates are never stored: they are derived on read.
/// </summary>
public sealed class InformationRequest
{
    public int Id { get; set; }
    public int AgencyId { get; set; }
    /// <summary>查询码, printed XXXX-XXXX-XXXX.</summary>
    public required string TrackingCode { get; set; }
    public Channel Channel { get; set; }

    public ApplicantType ApplicantType { get; set; }
    /// <summary>姓名 (natural person) or 名称 (organisation).</summary>
    public required string ApplicantName { get; set; }
    public IdentityDocument IdentityDocument { get; set; }
    public required string IdentityNumber { get; set; }
    /// <summary>法定代表人或者主要负责人 (organisations).</summary>
    public string? LegalRepresentative { get; set; }
    /// <summary>联系人 (organisations).</summary>
    public string? ContactName { get; set; }
    public required string Phone { get; set; }
    public string? Email { get; set; }
    public string? Address { get; set; }
    public string? PostalCode { get; set; }

    /// <summary>所需政府信息的名称、文号或者便于查询的其他特征性描述.</summary>
    public required string Description { get; set; }
    public string? DocumentReference { get; set; }
    public string? Purpose { get; set; }
    public DeliveryForm DeliveryForm { get; set; }

    /// <summary>The applicant by identity number and by name and phone (<see cref="Duplicates"/>), for 重复申请 and 按件 fees.</summary>
    public string? IdentityKey { get; set; }
    public required string ContactKey { get; set; }

    /// <summary>The applicant's account, when they were signed in.</summary>
    public Guid? ApplicantUserId { get; set; }
    public DateTime SubmittedAt { get; set; }
    /// <summary>The staff member who registered a request that arrived in person, by post or by fax.</summary>
    public Guid? RegisteredById { get; set; }
    public Guid? AssigneeId { get; set; }

    public RequestStatus Status { get; set; }
    public Outcome? Outcome { get; set; }
    public DateOnly? ReceivedOn { get; set; }
    public DateOnly? DecidedOn { get; set; }
    public DateOnly? ClosedOn { get; set; }

    /// <summary>The request at another agency this one was transferred from (第三十六条第（五）项).</summary>
    public int? TransferredFromId { get; set; }
    /// <summary>The competent agency named in a transfer; its id when it uses Gongkai.</summary>
    public int? CompetentAgencyId { get; set; }
    public string? CompetentAgencyName { get; set; }

    /// <summary>A handler's request for 延期, waiting for the office head.</summary>
    public int? ExtensionRequestedDays { get; set; }
    public string? ExtensionReason { get; set; }
    public string? ExtensionRequestedBy { get; set; }

    /// <summary>
    /// The old system's case number of a historical case brought in by <see cref="Imports.RequestImport"/>:
    /// its history is a record of what happened elsewhere, so the case is read-only.
    /// </summary>
    public string? ImportedCaseNumber { get; set; }

    public bool IsImported => ImportedCaseNumber is not null;

    /// <summary>Optimistic concurrency: every command names the version it saw, and bumps it.</summary>
    public int Version { get; set; }
    public DateTime UpdatedAt { get; set; }

    /// <summary>申请编号: the year it was submitted (北京时间) and the id, e.g. 2026-000123.</summary>
    public string Number => NumberOf(Id, SubmittedAt);

    public static string NumberOf(int id, DateTime submittedAt) =>
        string.Create(CultureInfo.InvariantCulture, $"{ChinaTime.FromUtc(submittedAt).Year}-{id:D6}");

    /// <summary>The person to speak to: the contact of an organisation, or the applicant.</summary>
    public string ContactPerson => ContactName ?? ApplicantName;
}
