using Parley.FrontEnds.Connections;
using Parley.FrontEnds.Line;
using Parley.FrontEnds.Tests.Harness;

namespace Parley.FrontEnds.Tests.Connections;

/// <summary>
/// A close from another thread (a registration timeout, a kill, a server ban) that races the read
/// loop's own end still sends its last line: found in CI, where an IRC connection's
/// "ERROR :Closing Link" went missing when the registration timer fired as the read loop started.
/// </summary>
public sealed class CloseRaceTests : IAsyncDisposable
{
    private readonly InMemoryFrontEnds _server = new();

    [Fact]
    public async Task A_close_whose_last_line_is_queued_after_the_read_loop_saw_it_still_sends_that_line()
    {
        await using var client = new PipeClient("\n");
        var connection = new CloseRaceConnection(new LinePipeTransport(client.Transport, client.Abort), _server.Line);
        connection.Run = connection.RunAsync("127.0.0.1:1", InMemoryFrontEnds.Loopback);
        client.Served = connection.Run;

        await client.SendAsync("close");

        Assert.Equal(["BYE closed elsewhere"], await client.ReadUntilClosedAsync());
        await connection.Run.WaitAsync(PipeClient.DefaultTimeout);
    }

    public async ValueTask DisposeAsync() => await _server.DisposeAsync();
}
