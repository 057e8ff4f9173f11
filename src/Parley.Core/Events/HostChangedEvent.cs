namespace Parley.Core.Events;

/// <summary>
/// A user's shown host (or user name) changed while online, e.g. to its account cloak on signing
/// in (<see cref="Accounts.AccountOptions.AccountCloaks"/>): told to the users sharing a room with
/// it (IRC's <c>CHGHOST</c>, ircv3.net/specs/extensions/chghost), and to the session itself.
/// </summary>
/// <param name="Nick">The nick as shown.</param>
/// <param name="UserName">The new user name.</param>
/// <param name="Host">The new host.</param>
public sealed class HostChangedEvent(string Nick, string UserName, string Host) : ChatEvent
{
    /// <summary>The nick as shown.</summary>
    public string Nick { get; } = Nick;

    /// <summary>The new user name.</summary>
    public string UserName { get; } = UserName;

    /// <summary>The new host.</summary>
    public string Host { get; } = Host;

    /// <summary>The user name and host before the change (the source of IRC's <c>CHGHOST</c> line).</summary>
    public UserAddress? Address { get; init; }

    /// <summary>The id of the session whose host changed (front-ends compare it with their own session's), or 0 when unknown.</summary>
    public long SubjectSessionId { get; init; }

    /// <summary>
    /// The rooms the session is in and its role in each, for protocols that replay its channel
    /// state to peers that cannot be told of the change (IRC's QUIT/JOIN/MODE fallback without
    /// <c>chghost</c>); empty when unknown.
    /// </summary>
    public IReadOnlyList<RoomMembership> SubjectRooms { get; init; } = [];

    /// <summary>The session's account name, or null for a guest (IRC's extended-join in the fallback).</summary>
    public string? SubjectAccount { get; init; }

    /// <summary>The session's real name (IRC's extended-join in the fallback).</summary>
    public string SubjectRealName { get; init; } = "";
}
