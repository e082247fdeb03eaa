using Gongkai.Core.Catalogue;
using Gongkai.Core.Requests.Letters;
using Gongkai.Core.Storage;
using Gongkai.Domain.Letters;

namespace Gongkai.Core.Requests.SignOff;

/// <summary>
/// 文号 from an agency's yearly series, by one atomic upsert in the issuing transaction: the year's
/// row is created from the latest prefix (a new year starts at 1) or incremented. Concurrent issuers
/// queue on the row (PostgreSQL) or the database write lock (SQLite); a rolled-back issue gives its
/// number back, a committed one never does, and the unique index on the letters' numbers refuses a
/// number stored twice.
/// </summary>
internal static class LetterNumbers
{
    private const string NextSql =
        "INSERT INTO letter_series (agency_id, kind, year, prefix, last_serial) " +
        "SELECT agency_id, kind, @year, prefix, 1 FROM letter_series WHERE agency_id = @agency AND kind = @kind AND year <= @year " +
        "ORDER BY year DESC LIMIT 1 " +
        "ON CONFLICT (agency_id, kind, year) DO UPDATE SET last_serial = letter_series.last_serial + 1 " +
        "RETURNING prefix, last_serial";

    // The year's prefix changes only while the year has no number: a refused change affects no row.
    private const string SetPrefixSql =
        "INSERT INTO letter_series (agency_id, kind, year, prefix, last_serial) VALUES (@agency, @kind, @year, @prefix, 0) " +
        "ON CONFLICT (agency_id, kind, year) DO UPDATE SET prefix = excluded.prefix WHERE letter_series.last_serial = 0";

    /// <summary>The next number of the agency's series for the kind in <paramref name="year"/>, or null when it has none.</summary>
    public static async Task<string?> NextAsync(GongkaiDbContext db, int agencyId, LetterKind kind, int year, CancellationToken cancellationToken)
    {
        await using var command = await Sql.CommandAsync(db, NextSql, Parameters(agencyId, kind, year), cancellationToken);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
            return null;
        return LetterNumber.Format(reader.GetString(0), year, Convert.ToInt32(reader.GetValue(1), System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>Sets the year's prefix; false when a number of that year has already been issued.</summary>
    public static async Task<bool> SetPrefixAsync(GongkaiDbContext db, int agencyId, LetterKind kind, int year, string prefix, CancellationToken cancellationToken) =>
        await Sql.ExecuteAsync(db, SetPrefixSql, [.. Parameters(agencyId, kind, year), ("@prefix", prefix)], cancellationToken) > 0;

    private static (string, object?)[] Parameters(int agencyId, LetterKind kind, int year) =>
        [("@agency", agencyId), ("@kind", kind.ToString()), ("@year", year)];
}
