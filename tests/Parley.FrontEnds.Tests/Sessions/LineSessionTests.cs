using Parley.Core.Sessions;
using Parley.FrontEnds.Tests.Harness;

namespace Parley.FrontEnds.Tests.Sessions;

/// <summary>A line session over in-memory pipes: registration and its errors, and input the framer or parser refuses.</summary>
public sealed class LineSessionTests : IAsyncDisposable
{
    private readonly InMemoryFrontEnds _server = new();

    [Fact]
    public async Task Greeting_then_a_nick_registers_the_session()
    {
        var client = _server.ConnectLine();

        Assert.StartsWith("HELLO Parley", await client.ReadLineAsync(), StringComparison.Ordinal);
        await client.SendAsync("#alice");

        await client.ExpectAsync("OK registered as alice");
        Assert.NotNull(_server.Hub.FindByNick("alice"));
    }

    [Theory]
    [InlineData("#ALICE", "ERR NICK_TAKEN ALICE is taken")]
    [InlineData("/nick bad nick!", "ERR INVALID_NICK")]
    [InlineData("#", "ERR NEED_MORE_PARAMS")]
    [InlineData("/users", "ERR NOT_REGISTERED register first with #<nick> or /nick <nick>")]
    public async Task A_refused_registration_or_command_leaves_the_session_unregistered(string line, string expectedStart)
    {
        await _server.ConnectLineAsAsync("alice");
        var client = _server.ConnectLine();
        await client.ReadLineAsync();

        await client.SendAsync(line);

        Assert.StartsWith(expectedStart, await client.ReadLineAsync(), StringComparison.Ordinal);
        await client.SendAsync("/users");
        await client.ExpectAsync("ERR NOT_REGISTERED register first with #<nick> or /nick <nick>");
    }

    [Fact]
    public async Task A_password_on_a_plain_untrusted_connection_is_refused()
    {
        var client = _server.ConnectLine(security: ConnectionSecurity.Unknown);
        await client.ReadLineAsync();

        await client.SendAsync("#alice correct-horse-battery");

        Assert.StartsWith("ERR TLS_REQUIRED", await client.ReadLineAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_overlong_line_and_invalid_utf8_get_their_errors_and_the_session_goes_on()
    {
        var alice = await _server.ConnectLineAsAsync("alice");
        var bob = await _server.ConnectLineAsAsync("bob");
        await alice.ExpectAsync("SYS bob joined");

        await alice.SendAsync("@bob:" + new string('x', 5000));
        byte[] bad = [.. "@bob:"u8, 0xff, 0xfe, .. "\n"u8];
        await alice.SendRawAsync(bad);
        await alice.SendAsync("@bob:still here");

        await alice.ExpectAsync("ERR LINE_TOO_LONG lines are at most 4096 bytes");
        await alice.ExpectAsync("ERR INVALID_UTF8 lines must be valid UTF-8");
        await alice.ExpectAsync("OK delivered to bob");
        await bob.ExpectAsync("DM alice: still here");
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();
}
