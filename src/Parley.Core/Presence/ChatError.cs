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
}
