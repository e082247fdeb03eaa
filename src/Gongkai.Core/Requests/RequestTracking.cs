using Gongkai.Core.Storage;
using Gongkai.Domain.Requests;
using Gongkai.Domain.Text;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Core.Requests;

/// <summary>What a tracking attempt found: the request (with the failed tries to tell), nothing, or a locked code.</summary>
public sealed record TrackingResult(InformationRequest? Request, FailedTries? Notice = null, DateTime? LockedUntil = null)
{
    public static readonly TrackingResult NotFound = new(Request: null);
}

/// <summary>
/// Finding a request for the public: the 查询码 and a second factor the applicant knows (the last four
/// digits of the phone, or the applicant's or contact's name), so guessing a code reveals nothing.
/// An unknown code and a wrong factor get the same answer; wrong answers lock the code (<see cref="TrackingFailures"/>).
/// </summary>
public sealed class RequestTracking(GongkaiDbContext db, TrackingFailures failures)
{
    public async Task<TrackingResult> TrackAsync(string? code, string? factor, CancellationToken cancellationToken = default)
    {
        if (!TrackingCode.TryParse(code, out var parsed) || string.IsNullOrWhiteSpace(factor))
            return TrackingResult.NotFound;
        if (await failures.BeginAsync(parsed, cancellationToken) is { } lockedUntil)
            return new TrackingResult(null, LockedUntil: lockedUntil);
        var request = await db.Requests.AsNoTracking().SingleOrDefaultAsync(r => r.TrackingCode == parsed, cancellationToken);
        if (request is null || !Matches(request, factor))
        {
            await failures.FailedAsync(parsed, cancellationToken);
            return TrackingResult.NotFound;
        }
        return new TrackingResult(request, await failures.SucceededAsync(parsed, cancellationToken));
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
