using Microsoft.Extensions.Time.Testing;

namespace Parley.Client.Tests;

public sealed class KeepAliveTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task The_client_sends_an_empty_line_every_keep_alive_interval()
    {
        var time = new FakeTimeProvider();
        await using var server = ScriptedLineServer.Start(ChatScript.Reply);
        await using var connection = await ParleyConnection.ConnectAsync(
            server.Options with { KeepAliveInterval = TimeSpan.FromSeconds(60), TimeProvider = time }).WaitAsync(Timeout);

        time.Advance(TimeSpan.FromSeconds(60));
        Assert.Equal("", await server.Received.ReadAsync().AsTask().WaitAsync(Timeout));
        time.Advance(TimeSpan.FromSeconds(60));

        Assert.Equal("", await server.Received.ReadAsync().AsTask().WaitAsync(Timeout));
    }
}
