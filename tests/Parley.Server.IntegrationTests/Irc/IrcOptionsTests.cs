using Parley.Server.Hosting;

namespace Parley.Server.IntegrationTests.Irc;

/// <summary>IRC settings are checked at start-up, like the others.</summary>
public sealed class IrcOptionsTests
{
    [Theory]
    [InlineData("Parley:Irc:IdleTimeout", "00:00:00", "IdleTimeout")]
    [InlineData("Parley:Irc:PingTimeout", "-00:00:01", "PingTimeout")]
    [InlineData("Parley:Irc:ServerName", "irc server", "ServerName")]
    [InlineData("Parley:Irc:ServerName", "nick!host", "ServerName")]
    [InlineData("Parley:Irc:NetworkName", "two words", "NetworkName")]
    [InlineData("Parley:Irc:Port", "70000", "Irc:Port")]
    [InlineData("Parley:Irc:TlsPort", "-2", "Irc:TlsPort")]
    public void Invalid_irc_setting_is_refused_at_start(string key, string value, string named)
    {
        var error = Assert.ThrowsAny<ArgumentException>(() => ParleyServer.Build([new(key, value)]));

        Assert.Contains(named, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Irc_port_equal_to_the_line_port_is_refused_at_start()
    {
        var error = Assert.ThrowsAny<ArgumentException>(() => ParleyServer.Build([new("Parley:Port", "7000"), new("Parley:Irc:Port", "7000")]));

        Assert.Contains("Parley:Port and Parley:Irc:Port", error.Message, StringComparison.Ordinal);
    }
}
