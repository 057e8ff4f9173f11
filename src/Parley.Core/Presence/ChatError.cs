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

    /// <summary>No one online has that nick.</summary>
    NoSuchNick,
}
