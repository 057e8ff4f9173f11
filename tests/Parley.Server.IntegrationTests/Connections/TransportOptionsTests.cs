using Microsoft.AspNetCore.Server.Kestrel.Transport.Sockets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Parley.Server.Hosting;

namespace Parley.Server.IntegrationTests.Connections;

/// <summary>Parley:Transport reaches Kestrel's socket transport, with the measured default.</summary>
public sealed class TransportOptionsTests
{
    // Building the host opens nothing: the data directory is never created.
    private static readonly string Unused = Path.Combine(Path.GetTempPath(), "parley-transport-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task Inline_scheduling_is_off_by_default_and_Kestrels_queue_count_is_left_alone()
    {
        await using var app = ParleyServer.Build([new("Parley:Port", "-1"), new("Parley:DataDirectory", Unused)]);

        var socket = app.Services.GetRequiredService<IOptions<SocketTransportOptions>>().Value;

        Assert.False(socket.UnsafePreferInlineScheduling);
        Assert.Equal(new SocketTransportOptions().IOQueueCount, socket.IOQueueCount);
    }

    [Fact]
    public async Task Both_settings_are_passed_to_the_socket_transport()
    {
        await using var app = ParleyServer.Build(
        [
            new("Parley:Port", "-1"), new("Parley:DataDirectory", Unused),
            new("Parley:Transport:InlineScheduling", "true"), new("Parley:Transport:IOQueueCount", "3"),
        ]);

        var socket = app.Services.GetRequiredService<IOptions<SocketTransportOptions>>().Value;

        Assert.True(socket.UnsafePreferInlineScheduling);
        Assert.Equal(3, socket.IOQueueCount);
    }
}
