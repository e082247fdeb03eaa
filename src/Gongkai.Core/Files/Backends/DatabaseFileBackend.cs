using System.Runtime.CompilerServices;
using Npgsql;
using NpgsqlTypes;

namespace Gongkai.Core.Files.Backends;

/// <summary>A row of file_contents: the bytes of a stored file kept in the database (<see cref="DatabaseFileBackend"/>).</summary>
public sealed class FileContent
{
    public required string Key { get; init; }
    public required byte[] Content { get; init; }
    public DateTime WrittenAt { get; init; }
}

/// <summary>
/// Files in the PostgreSQL database itself (<c>Gongkai:Files=Database</c>), table file_contents: every
/// server reads the same files, and the database backup carries them. Written on connections of its
/// own, outside the use case's transaction, like the other backends.
/// </summary>
public sealed class DatabaseFileBackend(NpgsqlDataSource dataSource) : IFileBackend, IDisposable
{
    public string Name => "数据库";

    public bool InDatabase => true;

    public async Task WriteAsync(string key, ReadOnlyMemory<byte> content, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            INSERT INTO file_contents (key, content, written_at) VALUES ($1, $2, now())
            ON CONFLICT (key) DO UPDATE SET content = excluded.content, written_at = excluded.written_at
            """);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = key });
        command.Parameters.Add(new NpgsqlParameter<ReadOnlyMemory<byte>> { TypedValue = content, NpgsqlDbType = NpgsqlDbType.Bytea });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<Stream?> OpenReadAsync(string key, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("SELECT content FROM file_contents WHERE key = $1");
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = key });
        return await command.ExecuteScalarAsync(cancellationToken) is byte[] content ? new MemoryStream(content, writable: false) : null;
    }

    public async Task MoveAsync(string from, string to, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var delete = new NpgsqlCommand("DELETE FROM file_contents WHERE key = $1", connection, transaction))
        {
            delete.Parameters.Add(new NpgsqlParameter<string> { TypedValue = to });
            await delete.ExecuteNonQueryAsync(cancellationToken);
        }
        await using (var rename = new NpgsqlCommand("UPDATE file_contents SET key = $2 WHERE key = $1", connection, transaction))
        {
            rename.Parameters.Add(new NpgsqlParameter<string> { TypedValue = from });
            rename.Parameters.Add(new NpgsqlParameter<string> { TypedValue = to });
            if (await rename.ExecuteNonQueryAsync(cancellationToken) == 0)
                throw new FileNotFoundException($"数据库中没有文件 {from}。");
        }
        await transaction.CommitAsync(cancellationToken);
    }

    public async Task DeleteAsync(string key, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("DELETE FROM file_contents WHERE key = $1");
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = key });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async IAsyncEnumerable<FileObject> ListAsync(string prefix, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            "SELECT key, written_at FROM file_contents WHERE left(key, char_length($1)) = $1 ORDER BY key COLLATE \"C\"");
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = prefix });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            yield return new FileObject(reader.GetString(0), DateTime.SpecifyKind(reader.GetDateTime(1), DateTimeKind.Utc));
    }

    public async Task CheckAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("SELECT 1 FROM file_contents WHERE false");
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public void Dispose() => dataSource.Dispose();
}
