using System.Text;
using Parley.Core.Events;

namespace Parley.Core.Tests;

/// <summary>Counts how often events are encoded.</summary>
internal sealed class CountingEncoder : IEventEncoder
{
    private int _encodes;

    public int Encodes => _encodes;

    public int Slot => 1;

    public byte[] Encode(ChatEvent chatEvent)
    {
        Interlocked.Increment(ref _encodes);
        return Encoding.UTF8.GetBytes(chatEvent.GetType().Name);
    }
}
