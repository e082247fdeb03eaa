using Gongkai.Core.Storage;

namespace Gongkai.Core.Catalogue;

/// <summary>
/// 索引号 serials, per agency and year, from a counter row incremented by one atomic upsert inside
/// the publishing transaction: concurrent publishers queue on the row (PostgreSQL) or the database
/// write lock (SQLite), a rolled-back publication gives its serial back, a committed one never does.
/// </summary>
internal static class IndexNumbers
{
    private const string NextSql =
        "INSERT INTO index_number_counters (agency_id, year, last_serial) VALUES (@agency, @year, 1) " +
        "ON CONFLICT (agency_id, year) DO UPDATE SET last_serial = index_number_counters.last_serial + 1 " +
        "RETURNING last_serial";

    public static async Task<int> NextSerialAsync(GongkaiDbContext db, int agencyId, int year, CancellationToken cancellationToken) =>
        (int)await Sql.ScalarAsync(db, NextSql, [("@agency", agencyId), ("@year", year)], cancellationToken);
}
