using System.Data.Common;
using Gongkai.Core.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Gongkai.Core.Catalogue;

/// <summary>
/// Raw SQL the model cannot express (atomic upserts, the full-text index), run on the context's
/// connection inside its current transaction, so it commits or rolls back with the rest.
/// </summary>
internal static class Sql
{
    public static async Task<DbCommand> CommandAsync(GongkaiDbContext db, string text, IEnumerable<(string Name, object? Value)> parameters,
        CancellationToken cancellationToken)
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = text;
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value ?? DBNull.Value;
            command.Parameters.Add(parameter);
        }
        return command;
    }

    public static async Task<int> ExecuteAsync(GongkaiDbContext db, string text, IEnumerable<(string, object?)> parameters, CancellationToken cancellationToken)
    {
        await using var command = await CommandAsync(db, text, parameters, cancellationToken);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public static async Task<long> ScalarAsync(GongkaiDbContext db, string text, IEnumerable<(string, object?)> parameters, CancellationToken cancellationToken)
    {
        await using var command = await CommandAsync(db, text, parameters, cancellationToken);
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
    }

    public static async Task<List<int>> IdsAsync(GongkaiDbContext db, string text, IEnumerable<(string, object?)> parameters, CancellationToken cancellationToken)
    {
        await using var command = await CommandAsync(db, text, parameters, cancellationToken);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var ids = new List<int>();
        while (await reader.ReadAsync(cancellationToken)) ids.Add(Convert.ToInt32(reader.GetValue(0), System.Globalization.CultureInfo.InvariantCulture));
        return ids;
    }
}
