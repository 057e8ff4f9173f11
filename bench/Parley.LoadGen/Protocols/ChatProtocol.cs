namespace Parley.LoadGen.Protocols;

/// <summary>The wire protocol the generator speaks.</summary>
internal enum ChatProtocol
{
    /// <summary>Parley's line protocol (docs/protocol.md).</summary>
    Line,

    /// <summary>IRC (RFC 1459/2812), as any IRC server speaks it.</summary>
    Irc,
}
