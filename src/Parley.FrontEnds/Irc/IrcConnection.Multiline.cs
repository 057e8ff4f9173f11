namespace Parley.FrontEnds.Irc;

/// <summary>The client's draft/multiline batch in progress (<see cref="Commands.BatchCommand"/>).</summary>
internal sealed partial class IrcConnection
{
    /// <summary>
    /// The open <c>draft/multiline</c> batch, or null. Read loop only. Dropped with the connection
    /// when it closes unfinished: nothing of it is delivered or stored.
    /// </summary>
    public IrcMultilineBatch? MultilineBatch { get; set; }
}
