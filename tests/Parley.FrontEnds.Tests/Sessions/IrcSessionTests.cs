using Parley.FrontEnds.Tests.Harness;

namespace Parley.FrontEnds.Tests.Sessions;

/// <summary>An IRC session over in-memory pipes: registration and its errors, and input the codec refuses.</summary>
public sealed class IrcSessionTests : IAsyncDisposable
{
    private readonly InMemoryFrontEnds _server = new();

    [Fact]
    public async Task Nick_and_user_register_with_the_welcome_first()
    {
        var client = _server.ConnectIrc();

        await client.SendAsync("NICK alice");
        await client.SendAsync("USER u 0 * :Real Name");

        Assert.StartsWith(":parley 001 alice :Welcome", await client.ReadLineAsync(), StringComparison.Ordinal);
        await client.WaitForAsync(InMemoryFrontEnds.IsEndOfWelcome);
        Assert.NotNull(_server.Hub.FindByNick("alice"));
    }

    [Theory]
    [InlineData("NICK", ":parley 431 * :No nickname given")]
    [InlineData("NICK al[ice]", ":parley 432 * al[ice] :Erroneous nickname")]
    [InlineData("NICK ALICE", ":parley 433 * ALICE :Nickname is already in use")]
    public async Task A_refused_nick_gets_its_numeric_and_another_nick_registers(string line, string expected)
    {
        await _server.ConnectLineAsAsync("alice");
        var client = _server.ConnectIrc();

        await client.SendAsync(line);
        await client.ExpectAsync(expected);
        await client.SendAsync("NICK carol");
        await client.SendAsync("USER u 0 * :Real Name");

        Assert.StartsWith(":parley 001 carol ", await client.ReadLineAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_overlong_line_gets_417_invalid_utf8_gets_fail_and_the_session_goes_on()
    {
        var alice = await _server.ConnectIrcAsAsync("alice");
        var bob = await _server.ConnectIrcAsAsync("bob");

        await alice.SendAsync("PRIVMSG bob :" + new string('x', 600));
        byte[] bad = [.. "PRIVMSG bob :"u8, 0xff, 0xfe, .. " bad\r\n"u8];
        await alice.SendRawAsync(bad);
        await alice.SendAsync("PRIVMSG bob :still here");

        await alice.ExpectAsync(":parley 417 alice :Input line was too long");
        await alice.ExpectAsync(":parley FAIL PRIVMSG INVALID_UTF8 :Message rejected: this server takes UTF-8 only");
        await bob.ExpectAsync(":alice!u@parley PRIVMSG bob :still here");
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();
}
