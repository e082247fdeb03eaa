using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Gongkai.Core.Storage;

public static class StorageErrors
{
    /// <summary>A unique index refused the row (SQLite constraint error, PostgreSQL 23505): someone else wrote it first.</summary>
    public static bool IsUniqueViolation(DbUpdateException e) => e.GetBaseException() switch
    {
        SqliteException s => s.SqliteErrorCode == 19,
        PostgresException p => p.SqlState == PostgresErrorCodes.UniqueViolation,
        _ => false,
    };
}
