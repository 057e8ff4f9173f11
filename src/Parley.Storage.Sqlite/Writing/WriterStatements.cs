using Microsoft.Data.Sqlite;
using Parley.Core.Messages;

namespace Parley.Storage.Sqlite.Writing;

/// <summary>
/// The writer's prepared statements, made once on its connection and reused for every write:
/// SQLite compiles each statement once, and every value is a bound parameter.
/// </summary>
/// <remarks>Used only on the writer thread.</remarks>
internal sealed class WriterStatements : IDisposable
{
    private readonly RawStatement _insertMessage;
    private readonly SqliteCommand _markDelivered;
    private readonly SqliteCommand _createAccount;
    private readonly SqliteCommand _updatePassword;
    private readonly SqliteCommand _deleteAccount;
    private readonly SqliteCommand _countCertificates;
    private readonly SqliteCommand _certificateExists;
    private readonly SqliteCommand _addCertificate;
    private readonly SqliteCommand _removeCertificate;

    public WriterStatements(SqliteConnection connection)
    {
        // The hot insert (every direct message): compiled once, bound by position.
        _insertMessage = new RawStatement(connection,
            """
            INSERT INTO messages (id, kind, sent_utc, from_nick, from_key, from_account, to_nick, to_key, to_account, text, delivered)
            VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)
            """);
        _markDelivered = Create(connection,
            "UPDATE messages SET delivered = 1 WHERE to_account = $account AND delivered = 0 AND id <= $through",
            "$account", "$through");
        _createAccount = Create(connection,
            """
            INSERT INTO accounts (nick, nick_key, password_hash, created_utc) VALUES ($nick, $key, $hash, $created)
            ON CONFLICT (nick_key) DO NOTHING
            RETURNING id
            """,
            "$nick", "$key", "$hash", "$created");
        _updatePassword = Create(connection,
            "UPDATE accounts SET password_hash = $hash WHERE id = $id",
            "$hash", "$id");
        // Rows that named the account lose the link: SQLite may reuse the largest rowid, and a later
        // account must not inherit the history or waiting messages of a dropped one.
        _deleteAccount = Create(connection,
            """
            DELETE FROM client_certificates WHERE account_id = $id;
            DELETE FROM read_markers WHERE account_id = $id;
            DELETE FROM web_sessions WHERE account_id = $id;
            UPDATE messages SET to_account = NULL, delivered = 1 WHERE to_account = $id;
            UPDATE messages SET from_account = NULL WHERE from_account = $id;
            UPDATE room_messages SET from_account = NULL WHERE from_account = $id;
            DELETE FROM accounts WHERE id = $id;
            SELECT changes();
            """,
            "$id");
        _countCertificates = Create(connection,
            "SELECT COUNT(*) FROM client_certificates WHERE account_id = $account",
            "$account");
        _certificateExists = Create(connection,
            "SELECT EXISTS (SELECT 1 FROM client_certificates WHERE fingerprint = $fingerprint)",
            "$fingerprint");
        _addCertificate = Create(connection,
            """
            INSERT INTO client_certificates (fingerprint, account_id, added_utc, label) VALUES ($fingerprint, $account, $added, $label)
            ON CONFLICT (fingerprint) DO NOTHING
            """,
            "$fingerprint", "$account", "$added", "$label");
        _removeCertificate = Create(connection,
            "DELETE FROM client_certificates WHERE account_id = $account AND fingerprint = $fingerprint",
            "$account", "$fingerprint");
        Rooms = new RoomStatements(connection);
        ServerBans = new ServerBanStatements(connection);
        ReadMarkers = new ReadMarkerStatements(connection);
        Redaction = new RedactionStatements(connection);
        RoomEvents = new RoomEventStatements(connection);
        WebSessions = new WebSessionStatements(connection);
    }

    /// <summary>The statements for rooms and room messages.</summary>
    public RoomStatements Rooms { get; }

    /// <summary>Statements for the server-wide ban list.</summary>
    public ServerBanStatements ServerBans { get; }

    /// <summary>Statements for read markers (MARKREAD).</summary>
    public ReadMarkerStatements ReadMarkers { get; }

    /// <summary>Statements for redaction (REDACT).</summary>
    public RedactionStatements Redaction { get; }

    /// <summary>The insert for room events (draft/event-playback).</summary>
    public RoomEventStatements RoomEvents { get; }

    /// <summary>Statements for the browsers' sign-in sessions.</summary>
    public WebSessionStatements WebSessions { get; }

    /// <summary>Enlists every statement in the batch's transaction.</summary>
    public void Begin(SqliteTransaction transaction)
    {
        _markDelivered.Transaction = transaction;
        _createAccount.Transaction = transaction;
        _updatePassword.Transaction = transaction;
        _deleteAccount.Transaction = transaction;
        _countCertificates.Transaction = transaction;
        _certificateExists.Transaction = transaction;
        _addCertificate.Transaction = transaction;
        _removeCertificate.Transaction = transaction;
        Rooms.Begin(transaction);
        ServerBans.Begin(transaction);
        ReadMarkers.Begin(transaction);
        Redaction.Begin(transaction);
        WebSessions.Begin(transaction);
    }

    public void InsertMessage(long id, NewMessage message)
    {
        var s = _insertMessage;
        s.Bind(1, id);
        s.Bind(2, (long)message.Kind);
        s.Bind(3, message.SentUtc.ToUnixTimeMilliseconds());
        s.Bind(4, message.From);
        s.Bind(5, NickKey.Of(message.From));
        s.Bind(6, message.FromAccountId);
        s.Bind(7, message.To);
        s.Bind(8, message.To is null ? null : NickKey.Of(message.To));
        s.Bind(9, message.ToAccountId);
        s.Bind(10, message.Text);
        s.Bind(11, message.Delivered ? 1L : 0L);
        s.Execute();
    }

    public int MarkDelivered(long accountId, long throughId)
    {
        _markDelivered.Parameters[0].Value = accountId;
        _markDelivered.Parameters[1].Value = throughId;
        return _markDelivered.ExecuteNonQuery();
    }

    public long? CreateAccount(string nick, string passwordHash, DateTimeOffset createdUtc)
    {
        var p = _createAccount.Parameters;
        p[0].Value = nick;
        p[1].Value = NickKey.Of(nick);
        p[2].Value = passwordHash;
        p[3].Value = createdUtc.ToUnixTimeMilliseconds();
        return _createAccount.ExecuteScalar() is long id ? id : null;
    }

    public bool UpdatePassword(long accountId, string passwordHash)
    {
        _updatePassword.Parameters[0].Value = passwordHash;
        _updatePassword.Parameters[1].Value = accountId;
        return _updatePassword.ExecuteNonQuery() == 1;
    }

    public bool DeleteAccount(long accountId)
    {
        _deleteAccount.Parameters[0].Value = accountId;
        // changes() counts the last statement's rows: the account's own.
        return _deleteAccount.ExecuteScalar() is long deleted && deleted == 1;
    }

    public long CountCertificates(long accountId)
    {
        _countCertificates.Parameters[0].Value = accountId;
        return (long)_countCertificates.ExecuteScalar()!;
    }

    public bool CertificateExists(string fingerprint)
    {
        _certificateExists.Parameters[0].Value = fingerprint;
        return (long)_certificateExists.ExecuteScalar()! != 0;
    }

    /// <summary>Inserts the certificate; false when the fingerprint is registered already.</summary>
    public bool AddCertificate(long accountId, string fingerprint, string? label, DateTimeOffset addedUtc)
    {
        var p = _addCertificate.Parameters;
        p[0].Value = fingerprint;
        p[1].Value = accountId;
        p[2].Value = addedUtc.ToUnixTimeMilliseconds();
        p[3].Value = (object?)label ?? DBNull.Value;
        return _addCertificate.ExecuteNonQuery() == 1;
    }

    public bool RemoveCertificate(long accountId, string fingerprint)
    {
        _removeCertificate.Parameters[0].Value = accountId;
        _removeCertificate.Parameters[1].Value = fingerprint;
        return _removeCertificate.ExecuteNonQuery() == 1;
    }

    public void Dispose()
    {
        _insertMessage.Dispose();
        _markDelivered.Dispose();
        _createAccount.Dispose();
        _updatePassword.Dispose();
        _deleteAccount.Dispose();
        _countCertificates.Dispose();
        _certificateExists.Dispose();
        _addCertificate.Dispose();
        _removeCertificate.Dispose();
        Rooms.Dispose();
        ServerBans.Dispose();
        ReadMarkers.Dispose();
        Redaction.Dispose();
        RoomEvents.Dispose();
        WebSessions.Dispose();
    }

    /// <summary>A command with the named parameters, values to be bound per use.</summary>
    internal static SqliteCommand Create(SqliteConnection connection, string sql, params string[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var name in parameters)
            command.Parameters.Add(new SqliteParameter { ParameterName = name });
        return command;
    }
}
