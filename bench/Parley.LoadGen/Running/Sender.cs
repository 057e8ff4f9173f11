using Parley.LoadGen.Connections;
using Parley.LoadGen.Measuring;

namespace Parley.LoadGen.Running;

/// <summary>One sending client: its connection, window, write buffer and counters (touched by its own send loop only, except the window).</summary>
internal sealed class Sender
{
    /// <summary>A sender on <paramref name="connection"/>.</summary>
    public Sender(ClientConnection connection, SendWindow window, int bufferBytes, ulong seed)
    {
        Connection = connection;
        Window = window;
        Buffer = new byte[bufferBytes];
        Random = new FastRandom(seed);
    }

    /// <summary>The sender's connection.</summary>
    public ClientConnection Connection { get; }

    /// <summary>Its in-flight window (closed loop).</summary>
    public SendWindow Window { get; }

    /// <summary>Its write buffer.</summary>
    public byte[] Buffer { get; }

    /// <summary>Its target and phase generator.</summary>
    public FastRandom Random;

    /// <summary>Next sequence number.</summary>
    public long Sequence { get; set; }

    /// <summary>Messages sent.</summary>
    public long Sent { get; set; }

    /// <summary>Messages sent inside the measured window.</summary>
    public long SentInWindow { get; set; }

    /// <summary>Deliveries those messages should make.</summary>
    public long ExpectedInWindow { get; set; }

    /// <summary>Open loop: sends more than 10 ms behind schedule (the generator could not keep up).</summary>
    public long LateSends { get; set; }
}
