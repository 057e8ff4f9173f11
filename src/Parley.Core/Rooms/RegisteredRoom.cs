using Parley.Core.Moderation;

namespace Parley.Core.Rooms;

/// <summary>What an <see cref="IRoomStore"/> keeps of a registered room across restarts.</summary>
/// <param name="Name">The room's name as created.</param>
/// <param name="OwnerAccountId">The owning account's id.</param>
/// <param name="Modes">The modes.</param>
/// <param name="Key">The key when <c>+k</c>, else null.</param>
/// <param name="Topic">The topic, or null.</param>
/// <param name="Bans">The bans, by mask or account (<c>~name</c>).</param>
/// <param name="CreatedAt">When the room was registered, UTC.</param>
public sealed record RegisteredRoom(
    string Name,
    long OwnerAccountId,
    RoomModes Modes,
    string? Key,
    RoomTopic? Topic,
    IReadOnlyList<BanMask> Bans,
    DateTimeOffset CreatedAt)
{
    /// <summary>The member limit when <c>+l</c>, else 0.</summary>
    public int Limit { get; init; }

    /// <summary>The ban exceptions (<c>+e</c>), invite exceptions (<c>+I</c>) and mutes, by list; empty when none.</summary>
    public IReadOnlyDictionary<RoomList, IReadOnlyList<BanMask>> Lists { get; init; } = new Dictionary<RoomList, IReadOnlyList<BanMask>>();
}
