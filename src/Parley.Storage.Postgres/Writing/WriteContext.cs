using Npgsql;

namespace Parley.Storage.Postgres.Writing;

/// <summary>
/// One batch's transaction on the writer's connection. Writes that need no answer (message
/// inserts) are <see cref="Queue"/>d and sent together as one <see cref="NpgsqlBatch"/> (one round
/// trip for the lot); a write that needs an answer takes a <see cref="Command"/>, which first sends
/// what is queued, so statements run in the order they were written.
/// </summary>
/// <remarks>Used only on the writer thread.</remarks>
internal sealed class WriteContext
{
    private readonly NpgsqlConnection _connection;
    private readonly NpgsqlTransaction _transaction;
    private NpgsqlBatch? _pending;

    public WriteContext(NpgsqlConnection connection, NpgsqlTransaction transaction)
    {
        _connection = connection;
        _transaction = transaction;
    }

    /// <summary>Adds a statement to the pipeline; the caller adds its parameters to the result.</summary>
    public NpgsqlBatchCommand Queue(string sql)
    {
        var command = new NpgsqlBatchCommand(sql);
        (_pending ??= new NpgsqlBatch(_connection, _transaction)).BatchCommands.Add(command);
        return command;
    }

    /// <summary>A command in the transaction, after sending what is queued; the caller disposes it.</summary>
    public NpgsqlCommand Command(string sql)
    {
        Flush();
        return new NpgsqlCommand(sql, _connection, _transaction);
    }

    /// <summary>Runs a statement with positional parameters; returns the rows it changed.</summary>
    public int Execute(string sql, params NpgsqlParameter[] parameters)
    {
        using var command = Command(sql);
        command.Parameters.AddRange(parameters);
        return command.ExecuteNonQuery();
    }

    /// <summary>Runs a statement with positional parameters; returns the first column of its first row, or null.</summary>
    public object? Scalar(string sql, params NpgsqlParameter[] parameters)
    {
        using var command = Command(sql);
        command.Parameters.AddRange(parameters);
        var value = command.ExecuteScalar();
        return value is DBNull ? null : value;
    }

    /// <summary>Sends the queued statements (one round trip).</summary>
    public void Flush()
    {
        if (_pending is null)
            return;
        using var batch = _pending;
        _pending = null;
        batch.ExecuteNonQuery();
    }
}
