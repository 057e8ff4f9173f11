using Parley.Core.Security;
using Parley.Core.Sessions;

namespace Parley.Core.Tests;

public sealed class LoginTransportPolicyTests
{
    private static readonly ConnectionSecurity PlainUntrusted = new();
    private static readonly ConnectionSecurity PlainTrusted = new() { IsTrustedNetwork = true };
    private static readonly ConnectionSecurity Tls = new() { IsTls = true, TlsProtocol = "Tls13" };

    [Fact]
    public void PasswordAllowed_plain_untrusted_when_tls_required_is_refused()
    {
        Assert.False(new LoginTransportPolicy(requireTlsForLogin: true).PasswordAllowed(PlainUntrusted));
    }

    [Fact]
    public void PasswordAllowed_plain_from_trusted_network_when_tls_required_is_allowed()
    {
        Assert.True(new LoginTransportPolicy(requireTlsForLogin: true).PasswordAllowed(PlainTrusted));
    }

    [Fact]
    public void PasswordAllowed_tls_from_untrusted_network_is_allowed()
    {
        Assert.True(new LoginTransportPolicy(requireTlsForLogin: true).PasswordAllowed(Tls));
    }

    [Fact]
    public void PasswordAllowed_plain_untrusted_when_tls_not_required_is_allowed()
    {
        Assert.True(new LoginTransportPolicy(requireTlsForLogin: false).PasswordAllowed(PlainUntrusted));
    }

    [Fact]
    public void PasswordAllowed_unknown_security_context_is_treated_as_plain_and_untrusted()
    {
        Assert.False(new LoginTransportPolicy(requireTlsForLogin: true).PasswordAllowed(ConnectionSecurity.Unknown));
    }

    [Fact]
    public void Connect_without_security_gives_the_session_the_unknown_context()
    {
        var hub = TestHubs.Create();
        var session = hub.Connect(new NullSink(), "test");
        Assert.Same(ConnectionSecurity.Unknown, session.Security);
    }

    [Fact]
    public void Connect_with_security_keeps_it_on_the_session_and_FindByNick_finds_it()
    {
        var hub = TestHubs.Create();
        var security = new ConnectionSecurity { IsTls = true, TlsProtocol = "Tls13", ClientCertificateSha256 = "SHA256:AB" };
        var session = hub.Connect(new NullSink(), "test", security);
        hub.Register(session, "Alice");

        Assert.Same(session, hub.FindByNick("alice"));
        Assert.Equal(security, hub.FindByNick("ALICE")!.Security);
        Assert.Null(hub.FindByNick("bob"));
    }

    private sealed class NullSink : ISessionSink
    {
        public void Deliver(Events.ChatEvent chatEvent)
        {
        }

        public void Close(string reason)
        {
        }
    }
}
