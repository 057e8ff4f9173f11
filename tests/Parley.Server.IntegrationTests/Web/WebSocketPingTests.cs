using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using Parley.TestKit;

namespace Parley.Server.IntegrationTests.Web;

/// <summary>RFC 6455 control frames on /ws, written by hand over a raw socket.</summary>
public sealed class WebSocketPingTests
{
    [Fact]
    public async Task Ping_frame_is_answered_with_a_pong_carrying_its_payload()
    {
        await using var server = await WebServers.StartAsync();
        using var tcp = new TcpClient();
        using var timeout = new CancellationTokenSource(TestConnection.DefaultTimeout);
        var stream = await UpgradeAsync(tcp, server.HttpPort, timeout.Token);

        // A client's frames are masked (§5.3): FIN + ping, masked, 4 bytes of payload.
        byte[] payload = [(byte)'p', (byte)'i', (byte)'n', (byte)'g'];
        byte[] mask = [0x11, 0x22, 0x33, 0x44];
        var frame = new byte[2 + 4 + payload.Length];
        frame[0] = 0x89;
        frame[1] = (byte)(0x80 | payload.Length);
        mask.CopyTo(frame, 2);
        for (var i = 0; i < payload.Length; i++)
            frame[6 + i] = (byte)(payload[i] ^ mask[i % 4]);
        await stream.WriteAsync(frame, timeout.Token);

        // The server's pong: FIN + pong, unmasked, the same payload.
        var pong = new byte[2 + payload.Length];
        await stream.ReadExactlyAsync(pong, timeout.Token);
        Assert.Equal(0x8A, pong[0]);
        Assert.Equal(payload.Length, pong[1]);
        Assert.Equal(payload, pong[2..]);
    }

    [Fact]
    public async Task Idle_websocket_is_pinged_every_keep_alive_interval()
    {
        await using var server = await WebServers.StartAsync(new Dictionary<string, string?> { ["Parley:Web:KeepAliveInterval"] = "00:00:00.2" });
        using var tcp = new TcpClient();
        using var timeout = new CancellationTokenSource(TestConnection.DefaultTimeout);
        var stream = await UpgradeAsync(tcp, server.HttpPort, timeout.Token);

        // Nothing sent: the first frame the server sends is its keep-alive ping (FIN + ping).
        var header = new byte[2];
        await stream.ReadExactlyAsync(header, timeout.Token);

        Assert.Equal(0x89, header[0]);
        Assert.Equal(0, header[1] & 0x80);
    }

    // The opening handshake by hand (RFC 6455 §4.1), checked; returns the stream after the 101.
    private static async Task<NetworkStream> UpgradeAsync(TcpClient tcp, int port, CancellationToken cancellationToken)
    {
        await tcp.ConnectAsync("127.0.0.1", port, cancellationToken);
        var stream = tcp.GetStream();
        var key = Convert.ToBase64String(RandomNumberGenerator.GetBytes(16));
        await stream.WriteAsync(Encoding.ASCII.GetBytes(
            $"GET /ws HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
            + $"Sec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Protocol: text.ircv3.net\r\n\r\n"), cancellationToken);
        var response = await ReadHeadAsync(stream, cancellationToken);
        // §4.2.2: the accept value is SHA-1 of the key and the protocol's GUID.
#pragma warning disable CA5350 // SHA-1 is what RFC 6455 prescribes for the handshake, not a security choice.
        var accept = Convert.ToBase64String(SHA1.HashData(Encoding.ASCII.GetBytes(key + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11")));
#pragma warning restore CA5350
        Assert.StartsWith("HTTP/1.1 101", response, StringComparison.Ordinal);
        Assert.Contains($"Sec-WebSocket-Accept: {accept}", response, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Sec-WebSocket-Protocol: text.ircv3.net", response, StringComparison.OrdinalIgnoreCase);
        return stream;
    }

    private static async Task<string> ReadHeadAsync(NetworkStream stream, CancellationToken cancellationToken)
    {
        var head = new List<byte>();
        var one = new byte[1];
        while (head.Count < 8192)
        {
            await stream.ReadExactlyAsync(one, cancellationToken);
            head.Add(one[0]);
            if (head.Count >= 4 && head[^4] == '\r' && head[^3] == '\n' && head[^2] == '\r' && head[^1] == '\n')
                return Encoding.ASCII.GetString([.. head]);
        }

        throw new InvalidDataException("no end of the response head in 8 KiB");
    }
}
