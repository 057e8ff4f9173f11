namespace Parley.Server.Connections.Proxy;

/// <summary>What <see cref="ProxyHeaderParser.TryParse"/> found.</summary>
internal enum ProxyParseStatus
{
    /// <summary>A complete, valid header: see the out parameter.</summary>
    Done,

    /// <summary>The bytes so far may start a header; read more (never more than the header's bound).</summary>
    NeedMore,

    /// <summary>Not a PROXY header, or a malformed or oversized one: close the connection.</summary>
    Invalid,
}
