using System.Buffers.Binary;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Parley.Server.Connections;
using Parley.Server.IntegrationTests.Observability;
using Parley.TestKit;

namespace Parley.Server.IntegrationTests.Connections;

/// <summary>
/// Issue 9: a ClientHello offering only PSK or SRP suites was logged at error level with a stack
/// trace (about 800 bytes per unauthenticated handshake). Every failed handshake is now one debug
/// line and a count on the <c>Parley.Connections</c> meter.
/// </summary>
public sealed class TlsHandshakeFailureTests
{
    [Theory]
    [InlineData(new ushort[] { 0x008C, 0x008D, 0x00AE })] // TLS_PSK_WITH_AES_*: PSK only
    [InlineData(new ushort[] { 0xC01D, 0xC01E, 0xC020 })] // TLS_SRP_SHA_WITH_*: SRP only
    public async Task A_client_hello_the_server_cannot_serve_is_logged_at_debug_and_counted(ushort[] suites)
    {
        var log = new CapturingLoggerProvider();
        await using var server = await ParleyTestServer.StartAsync(
            new Dictionary<string, string?> { ["Parley:Tls:Port"] = ParleyTestServer.AnyFreePort },
            services => log.AddTo(services));
        using var failures = new CounterSum(server.Services.GetRequiredService<ConnectionMetrics>().Meter, "parley.tls.handshake_failures");

        // A good handshake is not a failure.
        await using (var good = await server.ConnectTlsAsync())
            Assert.StartsWith("HELLO ", good.Greeting, StringComparison.Ordinal);
        Assert.Equal(0, failures.Value);

        await using var bad = await IrcTestClient.ConnectAsync(server.TlsPort);
        await bad.SendRawAsync(ClientHello(suites));
        try
        {
            await bad.ReadUntilClosedAsync();
        }
        catch (IOException)
        {
            // The alert, then a reset: closed either way.
        }

        var entry = await log.WaitForAsync(e => e.EventId.Id == 505);
        Assert.Equal(LogLevel.Debug, entry.Level);
        Assert.Null(entry.Exception);
        Assert.Contains("line-tls", entry.Message, StringComparison.Ordinal);
        Assert.Equal(1, failures.Value);
        Assert.DoesNotContain(log.Entries, e => e.Level >= LogLevel.Warning);
    }

    // A TLS 1.2 ClientHello record offering only the given suites, with the extensions a real
    // client sends (signature algorithms, groups), so only the suites can fail it.
    private static byte[] ClientHello(ushort[] suites)
    {
        byte[] extensions =
        [
            0x00, 0x0D, 0x00, 0x06, 0x00, 0x04, 0x04, 0x01, 0x04, 0x03, // signature_algorithms
            0x00, 0x0A, 0x00, 0x04, 0x00, 0x02, 0x00, 0x17, // supported_groups: secp256r1
        ];
        var body = new List<byte> { 0x03, 0x03 };
        body.AddRange(new byte[32]); // random
        body.Add(0x00); // no session id
        var suiteBytes = new byte[2 + (2 * suites.Length)];
        BinaryPrimitives.WriteUInt16BigEndian(suiteBytes, (ushort)(2 * suites.Length));
        for (var i = 0; i < suites.Length; i++)
            BinaryPrimitives.WriteUInt16BigEndian(suiteBytes.AsSpan(2 + (2 * i)), suites[i]);
        body.AddRange(suiteBytes);
        body.AddRange([0x01, 0x00]); // compression: null
        body.AddRange([(byte)(extensions.Length >> 8), (byte)extensions.Length]);
        body.AddRange(extensions);
        var handshake = new List<byte> { 0x01, 0x00, (byte)(body.Count >> 8), (byte)body.Count };
        handshake.AddRange(body);
        var record = new List<byte> { 0x16, 0x03, 0x01, (byte)(handshake.Count >> 8), (byte)handshake.Count };
        record.AddRange(handshake);
        return [.. record];
    }
}
