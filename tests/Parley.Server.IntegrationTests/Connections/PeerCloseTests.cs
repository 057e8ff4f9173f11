using System.IO.Pipelines;
using System.Net;
using Microsoft.AspNetCore.Connections;
using Microsoft.Extensions.DependencyInjection;
using Parley.Server.Listeners;
using Parley.TestKit;

namespace Parley.Server.IntegrationTests.Connections;

/// <summary>
/// A peer that closes its side is a clean close ("connection closed"), whatever order the
/// transport's signals are seen in. Kestrel's socket transport, on the peer's FIN, completes the
/// connection's input and then fires <see cref="ConnectionContext.ConnectionClosed"/> from a
/// thread-pool item that can run before the read loop resumes; a read loop that awaited with that
/// token then threw, and the close was logged (and announced) as "connection lost". Under load
/// that made ServerLogTests wait in vain for "disconnected: connection closed".
/// </summary>
public sealed class PeerCloseTests
{
    [Theory]
    [InlineData("line")]
    [InlineData("irc")]
    public async Task A_peer_close_is_a_clean_close_even_when_connection_closed_fires_before_the_read_loop_resumes(string protocol)
    {
        var log = new CapturingLoggerProvider();
        await using var server = await ParleyTestServer.StartWithIrcAsync(configureServices: log.AddTo);
        var scheduler = new HeldPipeScheduler();
        var input = new Pipe(new PipeOptions(readerScheduler: scheduler, useSynchronizationContext: false));
        var output = new Pipe(new PipeOptions(useSynchronizationContext: false));
        using var closed = new CancellationTokenSource();
        var connection = new DefaultConnectionContext("peer-close", new PipePair(input.Reader, output.Writer), new PipePair(output.Reader, input.Writer))
        {
            ConnectionClosed = closed.Token,
            RemoteEndPoint = new IPEndPoint(IPAddress.Loopback, 40000),
        };
        ConnectionHandler handler = protocol == "line"
            ? ActivatorUtilities.CreateInstance<LineConnectionHandler>(server.Services)
            : ActivatorUtilities.CreateInstance<IrcConnectionHandler>(server.Services);
        var serving = handler.OnConnectedAsync(connection);

        // The order Kestrel's SocketConnection uses on a FIN: Input.Complete, then ConnectionClosed;
        // the read loop's continuation runs last.
        await input.Writer.CompleteAsync();
        await closed.CancelAsync();
        scheduler.RunAll();
        await serving.WaitAsync(TestConnection.DefaultTimeout);

        var disconnected = await log.WaitForAsync(e => e.EventId.Id == 102);
        Assert.EndsWith("disconnected: connection closed", disconnected.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(log.Entries, e => e.EventId.Id == 105);
    }
}
