using Gongkai.Core.Storage;
using Gongkai.Domain.Requests;
using Gongkai.Domain.Text;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Core.Requests;

/// <summary>
/// Finding a request for the public: the 查询码 and a second factor the applicant knows (the last four
/// digits of the phone, or the applicant's or contact's name), so guessing a code reveals nothing.
/// An unknown code and a wrong factor get the same answer.
/// </summary>
public sealed class RequestTracking(GongkaiDbContext db)
{
    public async Task<InformationRequest?> FindAsync(string? code, string? factor, CancellationToken cancellationToken = default)
    {
        if (!TrackingCode.TryParse(code, out var parsed) || string.IsNullOrWhiteSpace(factor))
            return null;
        var request = await db.Requests.AsNoTracking().SingleOrDefaultAsync(r => r.TrackingCode == parsed, cancellationToken);
        return request is not null && Matches(request, factor) ? request : null;
    }

    /// <summary>The requests of a registered applicant's account, newest first.</summary>
    public async Task<IReadOnlyList<InformationRequest>> OfAccountAsync(Guid userId, CancellationToken cancellationToken = default) =>
        await db.Requests.AsNoTracking().Where(r => r.ApplicantUserId == userId).OrderByDescending(r => r.Id).ToListAsync(cancellationToken);

    public static bool Matches(InformationRequest request, string factor)
    {
        var typed = Fold(factor);
        if (typed.Length == 4 && typed.All(char.IsAsciiDigit))
        {
            var digits = new string([.. request.Phone.Where(char.IsAsciiDigit)]);
            return digits.Length >= 4 && digits[^4..] == typed;
        }
        return typed.Length > 0 && (typed == Fold(request.ApplicantName) || (request.ContactName is { } contact && typed == Fold(contact)));
    }

    private static string Fold(string text) =>
        new([.. ChineseText.Normalize(text).Where(c => !char.IsWhiteSpace(c) && c != '-').Select(char.ToUpperInvariant)]);
}
