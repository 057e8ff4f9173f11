using Npgsql;
using NpgsqlTypes;

namespace Parley.Storage.Postgres.Writing;

/// <summary>Positional parameters with their PostgreSQL type, so a null is typed and a value is not boxed.</summary>
internal static class Parameters
{
    public static NpgsqlParameter Long(long value) => new NpgsqlParameter<long> { TypedValue = value };

    public static NpgsqlParameter Long(long? value) => value is { } v
        ? new NpgsqlParameter<long> { TypedValue = v }
        : new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Bigint, Value = DBNull.Value };

    public static NpgsqlParameter Int(int value) => new NpgsqlParameter<int> { TypedValue = value };

    public static NpgsqlParameter Bool(bool value) => new NpgsqlParameter<bool> { TypedValue = value };

    public static NpgsqlParameter Text(string? value) => value is not null
        ? new NpgsqlParameter<string> { TypedValue = value }
        : new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Text, Value = DBNull.Value };
}
