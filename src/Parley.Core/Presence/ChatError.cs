namespace Parley.Core.Presence;

/// <summary>Why the core refused an operation. Front-ends map these to their protocol's errors.</summary>
public enum ChatError
{
    /// <summary>Done.</summary>
    None,

    /// <summary>The operation needs a registered nick.</summary>
    NotRegistered,

    /// <summary>The nick breaks <see cref="NickRules"/>.</summary>
    InvalidNick,

    /// <summary>Someone else holds the nick.</summary>
    NickTaken,

    /// <summary>No one online has that nick, and no account owns it.</summary>
    NoSuchNick,

    /// <summary>The room name breaks <see cref="Rooms.RoomNames"/>.</summary>
    InvalidRoom,

    /// <summary>No such room, or a secret one the asker is not in.</summary>
    NoSuchRoom,

    /// <summary>The asker is not a member of the room.</summary>
    NotInRoom,

    /// <summary>The asker (or, for an invite, the target) is already in the room.</summary>
    AlreadyInRoom,

    /// <summary>The operation needs room operator rights (or owner rights, to act on the owner).</summary>
    NotRoomOperator,

    /// <summary>The target nick is not a member of the room.</summary>
    TargetNotInRoom,

    /// <summary>The asker is banned from the room.</summary>
    Banned,

    /// <summary>The room is <c>+k</c> and the key is missing or wrong.</summary>
    BadKey,

    /// <summary>The room is <c>+i</c> and the asker has no invite.</summary>
    InviteOnly,

    /// <summary>The room is <c>+m</c> and the asker has no voice, or the asker is banned but still a member.</summary>
    CannotSend,

    /// <summary>The room has the most members allowed.</summary>
    RoomFull,

    /// <summary>The asker is in the most rooms allowed.</summary>
    TooManyRooms,

    /// <summary>A ban mask that is malformed, or a ban list that is full.</summary>
    InvalidMask,

    /// <summary>A mode change that is malformed (<c>+k</c> without a key, an unknown letter).</summary>
    InvalidMode,

    /// <summary>The operation needs a server operator.</summary>
    NotServerOperator,

    /// <summary>An account owns the nick: only its owner, signed in, may use it.</summary>
    NickRegistered,

    /// <summary>The operator turned guests off: sign in or register an account.</summary>
    GuestsDisabled,

    /// <summary>The session is signed in; sign out first.</summary>
    AlreadyLoggedIn,

    /// <summary>The operation needs a signed-in account.</summary>
    NotLoggedIn,

    /// <summary>Wrong nick or password.</summary>
    AuthFailed,

    /// <summary>Too many failed logins; try again later.</summary>
    RateLimited,

    /// <summary>The new password breaks <see cref="Accounts.PasswordRules"/>.</summary>
    BadPassword,

    /// <summary>The operation needs a TLS client certificate and the connection presented none.</summary>
    NoClientCertificate,

    /// <summary>Not a SHA-256 certificate fingerprint (<see cref="Security.CertificateFingerprint"/>).</summary>
    InvalidFingerprint,

    /// <summary>The certificate is registered already, to this account or another.</summary>
    CertificateRegistered,

    /// <summary>The certificate is not registered to the account.</summary>
    NoSuchCertificate,

    /// <summary>The account has the most client certificates allowed.</summary>
    TooManyCertificates,
    /// <summary>The room is registered already (<c>/register #room</c>).</summary>
    RoomRegistered,

    /// <summary>The room is not registered (<c>/unregister #room</c>).</summary>
    RoomNotRegistered,

    /// <summary>Only the room's owner account may do that (<c>/unregister #room</c>).</summary>
    NotRoomOwner,

    /// <summary>The account is banned server-wide (<c>/serverban ~account</c>): it may not log in or be registered.</summary>
    ServerBanned,

    /// <summary>Too many new accounts from this address, or on the server, lately; try again later (<see cref="SignInResult.RetryAfter"/>).</summary>
    TooManyRegistrations,

    /// <summary>The server is checking too many passwords at once (a login or registration flood); try again in a few seconds.</summary>
    ServerBusy,

    /// <summary>The account has the most sessions allowed (<see cref="Accounts.AccountOptions.MaxSessionsPerAccount"/>).</summary>
    TooManySessions,

    /// <summary>No account has that name (<c>/sadrop</c>, <c>/sapasswd</c>).</summary>
    NoSuchAccount,

    /// <summary>No message with that id in that conversation (redaction), or none the asker may know of.</summary>
    NoSuchMessage,

    /// <summary>The message is someone else's and the asker is neither a room operator nor a server operator (redaction).</summary>
    NotMessageAuthor,
}
