using System.Security.Authentication;
using Parley.Server.Hosting;
using Parley.TestKit;

namespace Parley.Server.IntegrationTests.Tls;

/// <summary>The line protocol over real TLS handshakes on 127.0.0.1.</summary>
public sealed class TlsListenerTests
{
    [Fact]
    public async Task Tls_listener_carries_the_line_protocol_end_to_end_with_plain_clients_alongside()
    {
        await using var server = await ParleyTestServer.StartWithTlsAsync();
        await using var alice = await server.ConnectTlsAsync();
        await alice.RegisterAsync("alice");
        await using var bob = await server.ConnectAsAsync("bob");
        await alice.ExpectAsync("SYS bob joined");

        await alice.SendAsync("@bob:hi over TLS");
        await alice.ExpectAsync("OK delivered to bob");
        await bob.ExpectAsync("DM alice: hi over TLS");
        await bob.SendAsync("hello all");
        await bob.ExpectAsync("OK sent to 1 user");
        await alice.ExpectAsync("BM bob: hello all");
        await alice.SendAsync("/quit bye");
        await alice.ExpectAsync("BYE bye");

        Assert.StartsWith("HELLO Parley", alice.Greeting, StringComparison.Ordinal);
        Assert.NotEqual(server.Port, server.TlsPort);
    }

    [Fact]
    public async Task Tls_handshake_negotiates_tls12_or_tls13_and_the_session_records_it()
    {
        await using var server = await ParleyTestServer.StartWithTlsAsync();
        await using var alice = await server.ConnectTlsAsync();
        await alice.RegisterAsync("alice");
        await using var bob = await server.ConnectAsAsync("bob");

        var tls = server.Hub.FindByNick("alice")!.Security;
        var plain = server.Hub.FindByNick("bob")!.Security;

        Assert.Contains(alice.TlsProtocol, new SslProtocols?[] { SslProtocols.Tls12, SslProtocols.Tls13 });
        Assert.True(tls.IsTls);
        Assert.Equal(alice.TlsProtocol.ToString(), tls.TlsProtocol);
        Assert.Null(tls.ClientCertificateSha256);
        Assert.False(plain.IsTls);
        Assert.Null(plain.TlsProtocol);
    }

#pragma warning disable SYSLIB0039, CA5397 // TLS 1.0 and 1.1 are obsolete: that is what this test checks.
    [Theory]
    [InlineData(SslProtocols.Tls11)]
    [InlineData(SslProtocols.Tls)]
    [InlineData(SslProtocols.Tls | SslProtocols.Tls11)]
    public async Task Tls_client_offering_only_tls10_or_tls11_fails_the_handshake(SslProtocols offered)
    {
        // The server enables only 1.2 and 1.3. This machine's OpenSSL may not even offer 1.0/1.1
        // to the client; either way the handshake must fail, which is what we assert.
        await using var server = await ParleyTestServer.StartWithTlsAsync();

        var error = await Record.ExceptionAsync(() => LineTestClient.ConnectTlsAsync(server.TlsPort, protocols: offered));

        Assert.True(error is AuthenticationException or IOException, $"expected a failed handshake, got {error?.GetType().Name ?? "success"}");
    }
#pragma warning restore SYSLIB0039, CA5397

    [Theory]
    [InlineData(SslProtocols.Tls12)]
    [InlineData(SslProtocols.Tls13)]
    public async Task Tls_client_offering_only_tls12_or_tls13_is_served(SslProtocols offered)
    {
        await using var server = await ParleyTestServer.StartWithTlsAsync();

        await using var client = await LineTestClient.ConnectTlsAsync(server.TlsPort, protocols: offered);

        Assert.Equal(offered, client.TlsProtocol);
        Assert.StartsWith("HELLO", client.Greeting, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Tls_client_certificate_presented_puts_its_fingerprint_in_the_session_security_context()
    {
        await using var server = await ParleyTestServer.StartWithTlsAsync();
        using var certificate = TestCertificates.Create([], subject: "alice");

        await using var alice = await server.ConnectTlsAsync(certificate);
        await alice.RegisterAsync("alice");

        Assert.Equal(TestCertificates.Fingerprint(certificate), server.Hub.FindByNick("alice")!.Security.ClientCertificateSha256);
    }

    [Fact]
    public async Task Plain_port_zero_turns_the_plain_listener_off_and_leaves_tls()
    {
        await using var server = await ParleyTestServer.StartWithTlsAsync(new Dictionary<string, string?> { ["Parley:Port"] = "0" });

        await using var client = await server.ConnectTlsAsync();

        Assert.Equal(0, server.Port);
        Assert.Null(((ListenerRegistry)server.Services.GetService(typeof(ListenerRegistry))!).EndpointOf(ParleyServer.LineProtocol));
        Assert.StartsWith("HELLO", client.Greeting, StringComparison.Ordinal);
    }
}
