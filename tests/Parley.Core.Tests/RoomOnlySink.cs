using Parley.Core.Events;
using Parley.Core.Sessions;

namespace Parley.Core.Tests;

/// <summary>A sink that, like IRC's, sees presence only for users sharing a room (<see cref="ISessionSink.SeesAllPresence"/> false).</summary>
internal sealed class RoomOnlySink : ISessionSink
{
    public List<ChatEvent> Events { get; } = [];

    public bool SeesAllPresence => false;

    public void Deliver(ChatEvent chatEvent)
    {
        lock (Events)
            Events.Add(chatEvent);
    }

    public void Close(string reason)
    {
    }
}
