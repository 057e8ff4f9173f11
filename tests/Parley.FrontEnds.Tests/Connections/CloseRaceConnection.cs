using System.Text;
using Parley.Core.Events;
using Parley.FrontEnds.Connections;

namespace Parley.FrontEnds.Tests.Connections;

/// <summary>
/// A protocol-less connection that closes itself from another thread in the worst order: the
/// frame <c>close</c> starts <see cref="FrameConnection.Close"/> elsewhere and lets the read loop
/// go on while that close is between marking the connection closing and queueing its last line
/// (<see cref="CloseFrame"/> is the step in between, held here until the read loop has ended).
/// </summary>
internal sealed class CloseRaceConnection : FrameConnection
{
    /// <summary>How long the close's last line waits for a connection to end that must not end before it: the test's bound.</summary>
    private static readonly TimeSpan EndMustNotCome = TimeSpan.FromMilliseconds(250);

    private readonly TaskCompletionSource _closeEntered = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly IConnectionHost _host;

    /// <summary>Builds the connection over <paramref name="transport"/> for <paramref name="host"/>'s hub.</summary>
    public CloseRaceConnection(FrameTransport transport, IConnectionHost host)
        : base(transport, host, FrontEndProtocol.None)
    {
        _host = host;
    }

    /// <summary>The connection's run, set before the first frame.</summary>
    public Task Run { get; set; } = Task.CompletedTask;

    /// <inheritdoc />
    public override bool IsRegistered => false;

    /// <inheritdoc />
    protected override IConnectionHost Host => _host;

    /// <inheritdoc />
    protected override string SlowConsumerReason => "slow";

    /// <inheritdoc />
    protected override string RegistrationTimeoutReason => "late";

    /// <inheritdoc />
    public override void Deliver(ChatEvent chatEvent)
    {
    }

    /// <inheritdoc />
    protected override byte[] CloseFrame(string reason)
    {
        _closeEntered.TrySetResult();
        // Had the read loop completed the outbox on seeing the connection closing, the run would
        // end now, before this line is queued, and the line would be lost.
        Run.Wait(EndMustNotCome);
        return Encoding.UTF8.GetBytes("BYE " + reason + "\n");
    }

    /// <inheritdoc />
    protected override ITimer? StartInputTimer() => null;

    /// <inheritdoc />
    protected override void NoteInput()
    {
    }

    /// <inheritdoc />
    protected override void OnFrameTooLong()
    {
    }

    /// <inheritdoc />
    protected override ValueTask HandleFrameAsync(ReadOnlySpan<byte> frame, CancellationToken cancellationToken)
    {
        if (!frame.SequenceEqual("close"u8))
            return default;
        _ = Task.Run(() => Close("closed elsewhere"), CancellationToken.None);
        return new ValueTask(_closeEntered.Task.WaitAsync(TimeSpan.FromSeconds(10), cancellationToken));
    }
}
