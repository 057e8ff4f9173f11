namespace Parley.Core.Rooms;

/// <summary>A room's mask lists (IRC's list modes <c>+b</c>, <c>+e</c>, <c>+I</c> and the <c>~m:</c> mute extban).</summary>
/// <remarks>Persisted by room stores: never renumber.</remarks>
public enum RoomList
{
    /// <summary>Bans (<c>+b</c>): a match may not join, nor speak without voice.</summary>
    Bans = 0,

    /// <summary>Ban exceptions (<c>+e</c>): a match passes bans and mutes.</summary>
    Exceptions = 1,

    /// <summary>Invite exceptions (<c>+I</c>): a match joins a <c>+i</c> room without an invite.</summary>
    InviteExceptions = 2,

    /// <summary>Mutes (IRC's <c>+b ~m:mask</c>): a match may join but not speak without voice.</summary>
    Mutes = 3,
}
