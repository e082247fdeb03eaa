using System.Text;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Core.Storage;

/// <summary>
/// Tables and columns are snake_case on both databases, so the hand-written SQL reads the same on
/// each and PostgreSQL needs no quoted identifiers. Identity's tables lose their AspNet prefix.
/// </summary>
internal static class SnakeCaseNames
{
    public static void Apply(ModelBuilder builder)
    {
        foreach (var entity in builder.Model.GetEntityTypes())
        {
            var table = entity.GetTableName();
            if (table is null) continue;
            entity.SetTableName(Convert(table.StartsWith("AspNet", StringComparison.Ordinal) ? table[6..] : table));
            foreach (var property in entity.GetProperties())
                property.SetColumnName(Convert(property.Name));
            foreach (var key in entity.GetKeys())
                key.SetName(Convert(key.GetName()!));
            foreach (var foreignKey in entity.GetForeignKeys())
                foreignKey.SetConstraintName(Convert(foreignKey.GetConstraintName()!));
            foreach (var index in entity.GetIndexes())
                index.SetDatabaseName(Convert(index.GetDatabaseName()!));
        }
    }

    public static string Convert(string name)
    {
        var result = new StringBuilder(name.Length + 8);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (char.IsUpper(c))
            {
                var previous = i > 0 ? name[i - 1] : '_';
                var next = i + 1 < name.Length ? name[i + 1] : '_';
                if (i > 0 && previous != '_' && (char.IsLower(previous) || char.IsDigit(previous) || char.IsLower(next)))
                    result.Append('_');
                result.Append(char.ToLowerInvariant(c));
            }
            else result.Append(c);
        }
        return result.ToString();
    }
}
