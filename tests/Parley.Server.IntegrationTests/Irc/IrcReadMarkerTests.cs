using Parley.TestKit;

namespace Parley.Server.IntegrationTests.Irc;

/// <summary>
/// draft/read-marker (ircv3.net/specs/extensions/read-marker): MARKREAD get and set per account and
/// target in SQLite, never backwards, told to the account's other connections, and sent after a
/// JOIN before 366 ("Command flows"), also after a restart.
/// </summary>
public sealed class IrcReadMarkerTests
{
    private const string Caps = "batch server-time message-tags draft/read-marker";

    [Fact]
    public async Task Markread_sets_gets_and_never_moves_backwards()
    {
        await using var server = await ParleyTestServer.StartWithIrcAsync();
        await using var alice = await IrcChatHistoryTests.ConnectLoggedInAsync(server, "alice", Caps);

        await alice.SendAsync("MARKREAD bob");
        await alice.ExpectAsync(":parley MARKREAD bob *");
        await alice.SendAsync("MARKREAD bob timestamp=2025-01-02T03:04:05.678Z");
        await alice.ExpectAsync(":parley MARKREAD bob timestamp=2025-01-02T03:04:05.678Z");
        // "Read timestamp notes": an older time is answered with the stored, newer one.
        await alice.SendAsync("MARKREAD BOB timestamp=2024-01-01T00:00:00.000Z");
        await alice.ExpectAsync(":parley MARKREAD BOB timestamp=2025-01-02T03:04:05.678Z");
        await alice.SendAsync("MARKREAD bob");
        await alice.ExpectAsync(":parley MARKREAD bob timestamp=2025-01-02T03:04:05.678Z");
    }

    [Fact]
    public async Task Markread_reaches_the_accounts_other_connections_and_join_sends_it_before_366_after_a_restart()
    {
        var first = await ParleyTestServer.StartWithIrcAsync();
        await using (var phone = await IrcChatHistoryTests.ConnectLoggedInAsync(first, "alice", Caps))
        await using (var laptop = await IrcChatHistoryTests.ConnectLoggedInAsync(first, "alice", Caps))
        {
            await phone.SendAsync("MARKREAD #dev timestamp=2025-01-02T03:04:05.678Z");
            await phone.ExpectAsync(":parley MARKREAD #dev timestamp=2025-01-02T03:04:05.678Z");
            var (told, _) = await laptop.WaitForAsync(l => l.Contains(" MARKREAD ", StringComparison.Ordinal));
            Assert.EndsWith(":parley MARKREAD #dev timestamp=2025-01-02T03:04:05.678Z", told, StringComparison.Ordinal);
        }

        await using var second = await first.RestartAsync();
        await using var again = await IrcChatHistoryTests.ConnectLoggedInAsync(second, "alice", Caps);

        await again.SendAsync("JOIN #dev,#ops");

        var (end, before) = await again.WaitForAsync(l => l.Contains(" 366 alice #ops ", StringComparison.Ordinal));
        var lines = before.Select(IrcTestClient.WithoutTags).Append(end).ToList();
        var dev = lines.FindIndex(l => l.EndsWith(" JOIN #dev", StringComparison.Ordinal));
        Assert.Equal(":parley MARKREAD #dev timestamp=2025-01-02T03:04:05.678Z", lines[dev + 1]);
        Assert.True(lines.FindIndex(l => l.Contains(" 366 alice #dev ", StringComparison.Ordinal)) > dev + 1);
        var ops = lines.FindIndex(l => l.EndsWith(" JOIN #ops", StringComparison.Ordinal));
        Assert.Equal(":parley MARKREAD #ops *", lines[ops + 1]);
    }

    [Fact]
    public async Task Join_without_the_capability_sends_no_markread()
    {
        await using var server = await ParleyTestServer.StartWithIrcAsync();
        await using var alice = await IrcChatHistoryTests.ConnectLoggedInAsync(server, "alice", "batch");

        await alice.SendAsync("JOIN #dev");

        var (_, before) = await alice.WaitForAsync(l => l.Contains(" 366 ", StringComparison.Ordinal));
        Assert.DoesNotContain(before, l => l.Contains("MARKREAD", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("MARKREAD", ":parley FAIL MARKREAD NEED_MORE_PARAMS :Missing parameters")]
    [InlineData("MARKREAD bob *", ":parley FAIL MARKREAD INVALID_PARAMS * :Invalid parameters")]
    [InlineData("MARKREAD bob timestamp=yesterday", ":parley FAIL MARKREAD INVALID_PARAMS timestamp=yesterday :Invalid parameters")]
    [InlineData("MARKREAD bob", ":parley FAIL MARKREAD INTERNAL_ERROR bob :Log in to an account to keep read markers")]
    public async Task Markread_errors_are_the_specs_standard_replies(string line, string expected)
    {
        await using var server = await ParleyTestServer.StartWithIrcAsync();
        await using var guest = await server.ConnectIrcAsAsync("guest");

        await guest.SendAsync(line);

        await guest.ExpectAsync(expected);
    }

    [Fact]
    public async Task Markread_of_a_bad_target_is_invalid_params()
    {
        await using var server = await ParleyTestServer.StartWithIrcAsync();
        await using var alice = await IrcChatHistoryTests.ConnectLoggedInAsync(server, "alice", Caps);

        await alice.SendAsync("MARKREAD bad[nick]");

        await alice.ExpectAsync(":parley FAIL MARKREAD INVALID_PARAMS bad[nick] :Invalid parameters");
    }
}
