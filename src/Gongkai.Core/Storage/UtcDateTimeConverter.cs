using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Gongkai.Core.Storage;

/// <summary>
/// Every stored time is UTC. SQLite hands DateTime back without a kind and PostgreSQL's timestamptz
/// refuses one that is not UTC, so times are marked UTC on the way in and on the way out.
/// </summary>
internal sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
    v => v.Kind == DateTimeKind.Utc ? v : v.ToUniversalTime(),
    v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
