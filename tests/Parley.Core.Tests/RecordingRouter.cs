using Parley.Core.Events;
using Parley.Core.Routing;
using Parley.Core.Sessions;

namespace Parley.Core.Tests;

/// <summary>
/// A router that records what the hubs publish (audience kind, room, nick, the event) and passes it
/// on to <paramref name="inner"/>, or delivers nothing when none is given.
/// </summary>
internal sealed class RecordingRouter(IEventRouter? inner = null) : IEventRouter
{
    public List<(AudienceKind Kind, string? Room, string? Nick, ChatEvent Event, ChatEvent? Echo)> Published { get; } = [];

    public List<(AudienceKind Kind, string Reason)> Closed { get; } = [];

    public int Publish(in Audience audience, ChatEvent chatEvent)
    {
        Record(audience, chatEvent, null);
        return inner?.Publish(in audience, chatEvent) ?? 0;
    }

    public int Publish(in Audience audience, ChatEvent chatEvent, ChatEvent echo)
    {
        Record(audience, chatEvent, echo);
        return inner?.Publish(in audience, chatEvent, echo) ?? 0;
    }

    public void Announce(in Audience audience, ChatEvent chatEvent)
    {
        Record(audience, chatEvent, null);
        inner?.Announce(in audience, chatEvent);
    }

    public ValueTask AnnounceAsync(in Audience audience, ChatEvent chatEvent)
    {
        Record(audience, chatEvent, null);
        return inner?.AnnounceAsync(in audience, chatEvent) ?? default;
    }

    public int Close(in Audience audience, string reason)
    {
        lock (Closed)
            Closed.Add((audience.Kind, reason));
        return inner?.Close(in audience, reason) ?? 0;
    }

    public void SetOnline(ChatSession session, bool online) => inner?.SetOnline(session, online);

    public void SetWatching(ChatSession session, bool watching) => inner?.SetWatching(session, watching);

    private void Record(in Audience audience, ChatEvent chatEvent, ChatEvent? echo)
    {
        lock (Published)
            Published.Add((audience.Kind, audience.Room?.Name, audience.Nick, chatEvent, echo));
    }
}
