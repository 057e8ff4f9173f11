namespace Parley.LoadGen.Connections;

/// <summary>Receives every line a <see cref="ClientConnection"/> reads.</summary>
/// <remarks>Called from the connection's reader loop: MUST NOT block, one line after another per connection.</remarks>
internal interface ILineHandler
{
    /// <summary>One received line without its terminator; <paramref name="receivedTicks"/> is taken once per socket read.</summary>
    void OnLine(ClientConnection connection, ReadOnlySpan<byte> line, long receivedTicks);

    /// <summary>The connection closed (by either side).</summary>
    void OnClosed(ClientConnection connection);
}
