using Parley.Core.Accounts;
using Parley.Core.Events;
using Parley.Core.Presence;
using Parley.Core.Rooms;
using Parley.Core.Sessions;

namespace Parley.Core.Tests;

/// <summary>
/// A room send returns the sender's echo (<see cref="RoomSendResult.Echo"/>) as a DM send returns its
/// event, so no front-end has to catch it on its sink; the sender's account's other sessions in the
/// room still get theirs through the router.
/// </summary>
public sealed class RoomEchoTests
{
    private readonly MemoryAccountStore _accounts = new();
    private readonly ChatHub _hub;

    public RoomEchoTests() =>
        _hub = new ChatHub(_accounts, new MemoryMessageStore(), new AccountOptions(), TimeProvider.System);

    [Fact]
    public async Task The_echo_is_in_the_result_and_only_the_senders_other_device_is_handed_it()
    {
        var account = (await _accounts.CreateAsync("alice", "hash", DateTimeOffset.UnixEpoch))!;
        var (phone, phoneSink) = await SignInAsync(account);
        var (laptop, laptopSink) = await SignInAsync(account);
        var bobSink = new RecordingSink();
        var bob = _hub.Connect(bobSink, "127.0.0.1:1");
        Assert.Equal(ChatError.None, _hub.Register(bob, "bob"));
        foreach (var session in new[] { phone, laptop, bob })
            await _hub.Rooms.JoinAsync(session, "#dev", null);
        foreach (var sink in new[] { phoneSink, laptopSink, bobSink })
            sink.Events.Clear();

        var result = await _hub.Rooms.SayAsync(phone, "#dev", "hello");

        Assert.Equal(1, result.Recipients);
        var echo = Assert.IsType<RoomMessageEvent>(result.Echo);
        Assert.True(echo.IsEcho);
        Assert.Same(result.Message, echo.Message);
        Assert.Empty(phoneSink.Events);
        Assert.Same(echo, Assert.Single(laptopSink.Events));
        Assert.False(Assert.IsType<RoomMessageEvent>(Assert.Single(bobSink.Events)).IsEcho);
    }

    [Fact]
    public async Task A_status_message_returns_its_echo_and_does_not_hand_it_to_the_sender()
    {
        var aliceSink = new RecordingSink();
        var alice = _hub.Connect(aliceSink, "127.0.0.1:1");
        Assert.Equal(ChatError.None, _hub.Register(alice, "alice"));
        var bobSink = new RecordingSink();
        var bob = _hub.Connect(bobSink, "127.0.0.1:2");
        Assert.Equal(ChatError.None, _hub.Register(bob, "bob"));
        await _hub.Rooms.JoinAsync(alice, "#dev", null);
        await _hub.Rooms.JoinAsync(bob, "#dev", null);
        aliceSink.Events.Clear();
        bobSink.Events.Clear();

        var result = _hub.Rooms.SayToRole(bob, "#dev", MemberRole.Op, "@", "ops only");

        var echo = Assert.IsType<RoomMessageEvent>(result.Echo);
        Assert.True(echo.IsEcho);
        Assert.Equal("@", echo.StatusPrefix);
        Assert.Empty(bobSink.Events);
        Assert.False(Assert.IsType<RoomMessageEvent>(Assert.Single(aliceSink.Events)).IsEcho);
        Assert.Equal(1, result.Recipients);
    }

    private async Task<(ChatSession Session, RecordingSink Sink)> SignInAsync(Account account)
    {
        var sink = new RecordingSink();
        var session = _hub.Connect(sink, "127.0.0.1:1");
        Assert.Equal(ChatError.None, (await _hub.SignInAsync(session, account)).Error);
        return (session, sink);
    }
}
