using Microsoft.Extensions.Logging;
using Parley.Core.Presence;

namespace Parley.FrontEnds.Connections;

/// <summary>What a <see cref="FrameConnection"/> needs from its front-end (<c>LineFrontEnd</c>, <c>IrcFrontEnd</c>).</summary>
/// <remarks>Thread-safe: one front-end serves every connection of its protocol.</remarks>
internal interface IConnectionHost
{
    /// <summary>The chat core the connection's session lives in.</summary>
    ChatHub Hub { get; }

    /// <summary>The per-connection limits in force (sendq, flood, registration timeout), read when a connection starts.</summary>
    ConnectionLimits Limits { get; }

    /// <summary>The clock for timers and stamps.</summary>
    TimeProvider Time { get; }

    /// <summary>The logger for connection events.</summary>
    ILogger Logger { get; }
}
