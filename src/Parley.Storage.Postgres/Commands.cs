using Npgsql;

namespace Parley.Storage.Postgres;

/// <summary>Reads' commands: one statement with positional parameters on a pooled connection.</summary>
internal static class Commands
{
    public static NpgsqlCommand Create(NpgsqlConnection connection, string sql, params NpgsqlParameter[] parameters)
    {
        var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddRange(parameters);
        return command;
    }

    public static DateTimeOffset Time(long unixMilliseconds) => DateTimeOffset.FromUnixTimeMilliseconds(unixMilliseconds);
}
