using System.Text;
using Parley.Core.Events;
using Parley.FrontEnds.Connections;

namespace Parley.Server.IntegrationTests.Connections;

/// <summary>
/// The smallest protocol over <see cref="FrameConnection"/>: it echoes nothing and says goodbye with
/// a line made in its own constructor, so a close that reached it before that constructor ran
/// (the hub closing a half-built connection) would send something else.
/// </summary>
internal sealed class ProbeConnection : FrameConnection
{
    private readonly IConnectionHost _host;
    private readonly byte[] _farewell;

    public ProbeConnection(FrameTransport transport, IConnectionHost host, string farewell)
        : base(transport, host, FrontEndMetrics.Line)
    {
        _host = host;
        _farewell = Encoding.UTF8.GetBytes(farewell + "\n");
    }

    public override bool IsRegistered => false;

    protected override IConnectionHost Host => _host;

    protected override string SlowConsumerReason => "too slow";

    protected override string RegistrationTimeoutReason => "too late";

    public override void Deliver(ChatEvent chatEvent)
    {
    }

    protected override byte[] CloseFrame(string reason) => _farewell;

    protected override ITimer? StartInputTimer() => null;

    protected override void NoteInput()
    {
    }

    protected override void OnFrameTooLong()
    {
    }

    protected override ValueTask HandleFrameAsync(ReadOnlySpan<byte> frame, CancellationToken cancellationToken) => ValueTask.CompletedTask;
}
