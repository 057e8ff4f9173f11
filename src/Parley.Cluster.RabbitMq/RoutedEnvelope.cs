using Parley.Core.Events;
using Parley.Core.Rooms;
using Parley.Core.Routing;

namespace Parley.Cluster.RabbitMq;

/// <summary>
/// One item of a node's outgoing stream, and what a node receives: an operation, the audience as
/// names and ids (what an <see cref="Audience"/> holds beyond live objects) and the event(s).
/// Immutable data; the events are shared, never copied.
/// </summary>
internal readonly record struct RoutedEnvelope
{
    /// <summary>What it asks.</summary>
    public RoutedOperation Operation { get; init; }

    /// <summary>Who, as the publishing hub named it.</summary>
    public AudienceKind Kind { get; init; }

    /// <summary>The routing key (not on the wire: the broker carries it).</summary>
    public string Key { get; init; }

    /// <summary>The nick or room addressed (<see cref="AudienceKind.Nick"/>, <see cref="AudienceKind.RoomMembers"/>), or null.</summary>
    public string? Target { get; init; }

    /// <summary>The account addressed (<see cref="AudienceKind.Account"/>), or 0.</summary>
    public long AccountId { get; init; }

    /// <summary>The session left out, or 0: always one of the publishing node's own, so receivers need not check it (kept for diagnostics).</summary>
    public long ExceptSession { get; init; }

    /// <summary>The nick left out (the subject, the sender's own in a room), or null.</summary>
    public string? ExceptNick { get; init; }

    /// <summary>The least role a member needs (STATUSMSG).</summary>
    public MemberRole MinimumRole { get; init; }

    /// <summary>The rooms of <see cref="AudienceKind.RoomPeers"/> and <see cref="AudienceKind.RoomPresence"/>, or null.</summary>
    public string[]? Rooms { get; init; }

    /// <summary>The event (<see cref="RoutedOperation.Publish"/>), or null.</summary>
    public ChatEvent? Event { get; init; }

    /// <summary>The echo for the left-out nick's sessions in a room, or null.</summary>
    public ChatEvent? Echo { get; init; }

    /// <summary>Why (<see cref="RoutedOperation.Close"/>), or null.</summary>
    public string? Reason { get; init; }

    /// <summary>Completed once the broker confirmed this <see cref="RoutedOperation.Bind"/> (not on the wire), or null.</summary>
    public TaskCompletionSource? Bound { get; init; }

    /// <summary>What the other nodes' replicas take from it (<see cref="RoutedOperation.Replica"/>, or a room's settings with a room event), or null.</summary>
    public ReplicaPayload? Replica { get; init; }
}
