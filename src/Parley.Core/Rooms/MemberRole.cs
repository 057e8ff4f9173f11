namespace Parley.Core.Rooms;

/// <summary>A member's rights in one room. Flags: an op may also be voiced.</summary>
/// <remarks>Persisted by room stores (later, for registered rooms' access lists): never renumber.</remarks>
[Flags]
public enum MemberRole
{
    /// <summary>An ordinary member.</summary>
    None = 0,

    /// <summary>May speak in a moderated (<c>+m</c>) room.</summary>
    Voice = 1,

    /// <summary>Room operator: may kick, ban, invite, set modes, the topic, and op or voice others.</summary>
    Op = 2,

    /// <summary>The room's creator (or, for registered rooms, its owner): an op that other ops cannot deop or kick.</summary>
    Owner = 4,
}
