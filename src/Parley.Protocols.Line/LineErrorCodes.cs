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
}
