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

    /// <summary>Too many failed logins; the text says when to try again.</summary>
    public const string RateLimited = "RATE_LIMITED";

    /// <summary>A new password that is too short, too long or holds spaces.</summary>
    public const string BadPassword = "BAD_PASSWORD";

    /// <summary>The server could not store the message; it may or may not have been delivered.</summary>
    public const string StorageFailed = "STORAGE_FAILED";
}
