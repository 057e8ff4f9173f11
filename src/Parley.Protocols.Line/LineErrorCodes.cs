namespace Parley.Protocols.Line;

/// <summary>The codes that follow <c>ERR</c> (docs/protocol.md, "Error codes"). Wire format: never rename.</summary>
public static class LineErrorCodes
{
    /// <summary>A command other than nick, help or quit before registering.</summary>
    public const string NotRegistered = "NOT_REGISTERED";

    /// <summary>A nick outside 1-32 letters, digits, <c>_</c>, <c>-</c>.</summary>
    public const string InvalidNick = "INVALID_NICK";

    /// <summary>The nick is in use by someone else.</summary>
    public const string NickTaken = "NICK_TAKEN";

    /// <summary>A direct message to a nick that is not online.</summary>
    public const string NoSuchNick = "NO_SUCH_NICK";

    /// <summary>A command without its required arguments.</summary>
    public const string NeedMoreParams = "NEED_MORE_PARAMS";

    /// <summary>A malformed line.</summary>
    public const string Syntax = "SYNTAX";

    /// <summary>A <c>/word</c> that is not a command.</summary>
    public const string UnknownCommand = "UNKNOWN_COMMAND";

    /// <summary>A line over the length limit.</summary>
    public const string LineTooLong = "LINE_TOO_LONG";

    /// <summary>A line that is not valid UTF-8.</summary>
    public const string InvalidUtf8 = "INVALID_UTF8";

    /// <summary>
    /// A password sent over a plain connection from an untrusted network
    /// (<c>Parley:Tls:RequireForLogin</c>); the client should reconnect with TLS.
    /// </summary>
    public const string TlsRequired = "TLS_REQUIRED";

    /// <summary>A room name that is not <c>#</c> and 1-50 letters, digits, <c>_</c>, <c>-</c>, <c>.</c>.</summary>
    public const string InvalidRoom = "INVALID_ROOM";

    /// <summary>No such room, or a secret one you are not in.</summary>
    public const string NoSuchRoom = "NO_SUCH_ROOM";

    /// <summary>You are not in that room.</summary>
    public const string NotInRoom = "NOT_IN_ROOM";

    /// <summary>You (or, for an invite, the invited user) are already in that room.</summary>
    public const string AlreadyInRoom = "ALREADY_IN_ROOM";

    /// <summary>The command needs room operator rights (or the owner's, to act on the owner).</summary>
    public const string NotRoomOp = "NOT_ROOM_OP";

    /// <summary>The nick named is not in that room.</summary>
    public const string UserNotInRoom = "USER_NOT_IN_ROOM";

    /// <summary>You are banned from that room.</summary>
    public const string Banned = "BANNED";

    /// <summary>The room is <c>+k</c> and the key is missing or wrong.</summary>
    public const string BadKey = "BAD_KEY";

    /// <summary>The room is <c>+i</c> and you have no invite.</summary>
    public const string InviteOnly = "INVITE_ONLY";

    /// <summary>The room is <c>+m</c> and you have no voice (or you are banned but still in it).</summary>
    public const string CannotSend = "CANNOT_SEND";

    /// <summary>The room has the most members allowed.</summary>
    public const string RoomFull = "ROOM_FULL";

    /// <summary>You are in the most rooms allowed.</summary>
    public const string TooManyRooms = "TOO_MANY_ROOMS";

    /// <summary>A malformed ban mask, or a full ban list.</summary>
    public const string InvalidMask = "INVALID_MASK";

    /// <summary>A malformed mode change: unknown letter, <c>+k</c> without a key.</summary>
    public const string InvalidMode = "INVALID_MODE";

    /// <summary>The command is for server operators.</summary>
    public const string NotServerOp = "NOT_SERVER_OP";

    /// <summary>Too many commands too fast: the command was not run; retry after the time given.</summary>
    public const string Flood = "FLOOD";

    /// <summary>An account owns the nick: log in with <c>/login</c>.</summary>
    public const string NickRegistered = "NICK_REGISTERED";

    /// <summary>The server allows no guests: log in or register an account.</summary>
    public const string GuestsDisabled = "GUESTS_DISABLED";

    /// <summary>The connection is logged in; <c>/logout</c> first.</summary>
    public const string AlreadyLoggedIn = "ALREADY_LOGGED_IN";

    /// <summary>The command needs a logged-in account.</summary>
    public const string NotLoggedIn = "NOT_LOGGED_IN";

    /// <summary>Wrong nick or password (which of the two is not told).</summary>
    public const string AuthFailed = "AUTH_FAILED";

    /// <summary>Too many failed logins, or new accounts, lately; the text says when to try again.</summary>
    public const string RateLimited = "RATE_LIMITED";

    /// <summary>The server is checking too many passwords at once; try again in a few seconds.</summary>
    public const string Busy = "BUSY";

    /// <summary>The account has the most sessions (connections logged in to it) allowed.</summary>
    public const string TooManySessions = "TOO_MANY_SESSIONS";

    /// <summary>A new password that is too short, too long or holds spaces.</summary>
    public const string BadPassword = "BAD_PASSWORD";

    /// <summary>An operator's <c>/sadrop</c> or <c>/sapasswd</c> names no account.</summary>
    public const string NoSuchAccount = "NO_SUCH_ACCOUNT";

    /// <summary>The server could not store the message; it may or may not have been delivered.</summary>
    public const string StorageFailed = "STORAGE_FAILED";

    /// <summary>
    /// <c>/cert add</c> without a fingerprint, or <c>/login</c> without a password, on a connection
    /// that presented no TLS client certificate.
    /// </summary>
    public const string NoClientCert = "NO_CLIENT_CERT";

    /// <summary>Not a SHA-256 certificate fingerprint (<c>SHA256:</c> and 64 hex digits).</summary>
    public const string InvalidFingerprint = "INVALID_FINGERPRINT";

    /// <summary>The certificate is registered already, to your account or another.</summary>
    public const string CertRegistered = "CERT_REGISTERED";

    /// <summary><c>/cert del</c> of a fingerprint not registered to your account.</summary>
    public const string NoSuchCert = "NO_SUCH_CERT";

    /// <summary>The account has the most client certificates allowed.</summary>
    public const string TooManyCerts = "TOO_MANY_CERTS";
    /// <summary><c>/register #room</c> of a room that is registered already.</summary>
    public const string RoomRegistered = "ROOM_REGISTERED";

    /// <summary><c>/unregister #room</c> of a room that is not registered.</summary>
    public const string RoomNotRegistered = "ROOM_NOT_REGISTERED";

    /// <summary>Only the room's owner account may do that (<c>/unregister #room</c>).</summary>
    public const string NotRoomOwner = "NOT_ROOM_OWNER";

    /// <summary>The account is banned from this server: it may not log in or be registered.</summary>
    public const string ServerBanned = "SERVER_BANNED";
}
