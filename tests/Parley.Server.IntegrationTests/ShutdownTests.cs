using Parley.TestKit;

namespace Parley.Server.IntegrationTests;

public sealed class ShutdownTests
{
    [Fact]
    public async Task Stopping_the_server_tells_every_connection_then_closes_it()
    {
        var server = await ParleyTestServer.StartAsync();
        await using var alice = await server.ConnectAsAsync("alice");
        await using var bob = await server.ConnectAsAsync("bob");
        await using var unregistered = await server.ConnectAsync();
        await alice.ExpectAsync("SYS bob joined");

        var stopping = server.StopAsync();
        var lines = await Task.WhenAll(alice.ReadUntilClosedAsync(), bob.ReadUntilClosedAsync(), unregistered.ReadUntilClosedAsync());
        await stopping;
        await server.DisposeAsync();

        foreach (var received in lines)
            Assert.Equal(["SYS server shutting down", "BYE server shutting down"], received);
    }
}
