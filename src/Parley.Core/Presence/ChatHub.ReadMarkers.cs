using Parley.Core.Events;
using Parley.Core.ReadMarkers;
using Parley.Core.Rooms;
using Parley.Core.Routing;
using Parley.Core.Sessions;

namespace Parley.Core.Presence;

public sealed partial class ChatHub
{
    /// <summary>Where read markers are kept (IRCv3 draft/read-marker); in memory unless the host sets the SQLite store.</summary>
    public IReadMarkerStore ReadMarkers { get; init; } = new InMemoryReadMarkerStore();

    /// <summary>The session's account's read marker in a conversation.</summary>
    /// <param name="session">The asker; must be logged in.</param>
    /// <param name="target">A nick or a <c>#room</c>.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The marker (null when none is set), or <see cref="ChatError.NotLoggedIn"/>, <see cref="ChatError.InvalidNick"/>.</returns>
    public async ValueTask<(ChatError Error, DateTimeOffset? Time)> GetReadMarkerAsync(ChatSession session, string target, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(session);
        var error = CheckReadMarker(session, target);
        if (error != ChatError.None)
            return (error, null);
        return (ChatError.None, await ReadMarkers.GetAsync(session.AccountId!.Value, target, cancellationToken));
    }

    /// <summary>
    /// Moves the session's account's read marker in a conversation forward to <paramref name="time"/>
    /// (clamped to now: nobody has read the future); an earlier time leaves it. When it moved, the
    /// account's other sessions get a <see cref="ReadMarkerEvent"/>.
    /// </summary>
    /// <param name="session">The setter; must be logged in.</param>
    /// <param name="target">A nick or a <c>#room</c>.</param>
    /// <param name="time">The time of the last message read.</param>
    /// <returns>The marker after the call, or why not (as <see cref="GetReadMarkerAsync"/>).</returns>
    public async ValueTask<(ChatError Error, DateTimeOffset Time)> SetReadMarkerAsync(ChatSession session, string target, DateTimeOffset time)
    {
        ArgumentNullException.ThrowIfNull(session);
        var error = CheckReadMarker(session, target);
        if (error != ChatError.None)
            return (error, default);
        var now = _time.GetUtcNow();
        // Millisecond precision, as server-time and the store keep it.
        var wanted = DateTimeOffset.FromUnixTimeMilliseconds((time < now ? time : now).ToUnixTimeMilliseconds());
        var stored = await ReadMarkers.SetAsync(session.AccountId!.Value, target, wanted);
        if (stored == wanted && session.Presence is { } holder)
            Router.Publish(Audience.OfNick(holder, except: session), new ReadMarkerEvent(target, stored) { Time = now });

        return (ChatError.None, stored);
    }

    private static ChatError CheckReadMarker(ChatSession session, string target)
    {
        ArgumentNullException.ThrowIfNull(target);
        if (session.AccountId is null)
            return ChatError.NotLoggedIn;
        return target.StartsWith('#') ? (RoomNames.IsValid(target) ? ChatError.None : ChatError.InvalidRoom)
            : NickRules.IsValid(target) ? ChatError.None : ChatError.InvalidNick;
    }
}
