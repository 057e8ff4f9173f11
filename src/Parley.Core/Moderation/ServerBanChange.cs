namespace Parley.Core.Moderation;

/// <summary>A change of the server ban list, for the store that keeps it (<see cref="ServerBanList.Changed"/>).</summary>
/// <param name="Added">The ban added, or null.</param>
/// <param name="RemovedMask">The mask of the ban removed, or null.</param>
public sealed record ServerBanChange(ServerBan? Added, string? RemovedMask);
