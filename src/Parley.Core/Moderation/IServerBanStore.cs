namespace Parley.Core.Moderation;

/// <summary>
/// Port: where the server-wide ban list (<see cref="ServerBanList"/>) is kept across restarts.
/// The host loads it before the listeners open and on a reload, and stores every change as it
/// happens.
/// </summary>
/// <remarks>
/// Implementations are thread-safe. Masks compare without case (as <see cref="ServerBanList"/>
/// does, which never adds a mask twice): saving a mask that is stored already, in any case,
/// leaves the stored ban as it is. A write has completed only once it is durable.
/// </remarks>
public interface IServerBanStore
{
    /// <summary>Every stored ban, in the order they were set (by <see cref="ServerBan.SetAt"/>).</summary>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The bans; empty when none.</returns>
    ValueTask<IReadOnlyList<ServerBan>> LoadAllAsync(CancellationToken cancellationToken = default);

    /// <summary>Stores <paramref name="ban"/>; nothing when its mask is stored already (any case).</summary>
    /// <param name="ban">The ban.</param>
    /// <returns>A task that completes when the ban is durable.</returns>
    Task SaveAsync(ServerBan ban);

    /// <summary>Deletes the ban with <paramref name="mask"/> (any case); nothing when there is none.</summary>
    /// <param name="mask">The ban's mask.</param>
    /// <returns>A task that completes when the deletion is durable.</returns>
    Task DeleteAsync(string mask);
}
