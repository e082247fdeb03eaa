using Gongkai.Domain.Requests;

namespace Gongkai.Core.Requests;

/// <summary>What an application contains (条例第二十九条); property names are the form's field names.</summary>
public sealed record RequestInput
{
    public int AgencyId { get; init; }
    public ApplicantType ApplicantType { get; init; }
    public string ApplicantName { get; init; } = "";
    public IdentityDocument IdentityDocument { get; init; }
    public string IdentityNumber { get; init; } = "";
    public string? LegalRepresentative { get; init; }
    public string? ContactName { get; init; }
    public string Phone { get; init; } = "";
    public string? Email { get; init; }
    public string? Address { get; init; }
    public string? PostalCode { get; init; }
    public string Description { get; init; } = "";
    public string? DocumentReference { get; init; }
    public string? Purpose { get; init; }
    public DeliveryForm DeliveryForm { get; init; }
    /// <summary>The person entering it confirms the applicant type although the 统一社会信用代码 suggests another (<see cref="ApplicantCode"/>).</summary>
    public bool ApplicantTypeConfirmed { get; init; }

    /// <summary>Trimmed, and a null from JSON where text is required read as empty, so validation says what is missing.</summary>
    public RequestInput Trimmed() => this with
    {
        ApplicantName = (ApplicantName ?? "").Trim(),
        IdentityNumber = new string([.. (IdentityNumber ?? "").Where(c => !char.IsWhiteSpace(c))]).ToUpperInvariant(),
        LegalRepresentative = Blank(LegalRepresentative),
        ContactName = Blank(ContactName),
        Phone = (Phone ?? "").Trim(),
        Email = Blank(Email),
        Address = Blank(Address),
        PostalCode = Blank(PostalCode),
        Description = (Description ?? "").Replace("\r\n", "\n", StringComparison.Ordinal).Trim(),
        DocumentReference = Blank(DocumentReference),
        Purpose = Blank(Purpose),
    };

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}

/// <summary>How a request that did not come through the portal reached the office, and when (条例第三十一条).</summary>
public sealed record RegistrationInput
{
    public Channel Channel { get; init; } = Channel.InPerson;
    public DateOnly? ReceivedOn { get; init; }
}

/// <summary>A file sent with a request or a step.</summary>
public sealed record Upload(Stream Content, string FileName, AttachmentKind Kind);
