using Parley.Core.Events;
using Parley.Core.Sessions;

namespace Parley.Core.Tests;

/// <summary>A session sink that keeps what it was given, encoded with <see cref="CountingEncoder"/>.</summary>
internal sealed class RecordingSink(CountingEncoder encoder) : ISessionSink
{
    public List<ChatEvent> Events { get; } = [];

    public List<ReadOnlyMemory<byte>> Encoded { get; } = [];

    public string? ClosedWith { get; private set; }

    public void Deliver(ChatEvent chatEvent)
    {
        Events.Add(chatEvent);
        Encoded.Add(chatEvent.GetBytes(encoder));
    }

    public void Close(string reason) => ClosedWith ??= reason;
}
