using Parley.Core.Events;
using Parley.Core.Sessions;

namespace Parley.Core.Tests;

/// <summary>A session sink that keeps what it was given, encoded with <see cref="CountingEncoder"/> when one is given.</summary>
internal sealed class RecordingSink(CountingEncoder? encoder = null) : ISessionSink
{
    public List<ChatEvent> Events { get; } = [];

    public List<ReadOnlyMemory<byte>> Encoded { get; } = [];

    public string? ClosedWith { get; private set; }

    public void Deliver(ChatEvent chatEvent)
    {
        lock (Events)
        {
            Events.Add(chatEvent);
            if (encoder is not null)
                Encoded.Add(chatEvent.GetBytes(encoder));
        }
    }

    public void Close(string reason) => ClosedWith ??= reason;
}
