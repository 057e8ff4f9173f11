namespace Parley.Core.Events;

/// <summary>How someone came to leave a room.</summary>
public enum RoomLeaveKind
{
    /// <summary><c>/part</c>.</summary>
    Parted,

    /// <summary><c>/quit</c>: left the server.</summary>
    Quit,

    /// <summary>The connection ended without <c>/quit</c> (closed, too slow, flooding, killed).</summary>
    Dropped,

    /// <summary>An op kicked them.</summary>
    Kicked,
}
