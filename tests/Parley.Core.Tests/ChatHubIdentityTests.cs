using Parley.Core.Events;
using Parley.Core.Presence;
using Parley.Core.Sessions;

namespace Parley.Core.Tests;

/// <summary>What protocols with full addresses (IRC) need from the core: user names, hosts, times, away.</summary>
public sealed class ChatHubIdentityTests
{
    private static readonly DateTimeOffset Now = new(2025, 1, 2, 3, 4, 5, 678, TimeSpan.Zero);
    private readonly ChatHub _hub = new(new FixedTime(Now));
    private readonly CountingEncoder _encoder = new();

    [Fact]
    public void SendDirect_with_user_info_delivers_event_with_address_time_and_notice_flag()
    {
        var (alice, _) = Connect("alice");
        var (_, bobSink) = Connect("bob");
        alice.SetUserInfo("al", "Alice A");

        var error = _hub.SendDirect(alice, "BOB", "hi", notice: true, out var message, out var recipient);

        Assert.Equal(ChatError.None, error);
        Assert.Same(message, Assert.Single(bobSink.Events));
        Assert.Equal("bob", recipient!.Nick);
        Assert.Equal(new UserAddress("al", ChatSession.CloakedHost), message!.FromAddress);
        Assert.Equal(Now, message.Time);
        Assert.True(message.IsNotice);
        Assert.Equal("Alice A", alice.RealName);
    }

    [Fact]
    public void Session_without_user_info_uses_its_nick_as_user_and_real_name()
    {
        var (alice, _) = Connect("alice");

        Assert.Equal("alice", alice.UserName);
        Assert.Equal("alice", alice.RealName);
        Assert.Equal("parley", alice.Host);
    }

    [Fact]
    public void SetAway_with_text_marks_away_and_empty_marks_back()
    {
        var (alice, _) = Connect("alice");

        _hub.SetAway(alice, "lunch");
        Assert.Equal("lunch", alice.AwayMessage);
        _hub.SetAway(alice, "");
        Assert.Null(alice.AwayMessage);
    }

    [Fact]
    public void Quit_announces_the_leaver_with_address_and_time()
    {
        var (alice, _) = Connect("alice");
        var (_, bobSink) = Connect("bob");

        _hub.Quit(alice, "bye");

        var left = Assert.IsType<UserLeftEvent>(Assert.Single(bobSink.Events));
        Assert.Equal(new UserAddress("alice", "parley"), left.Address);
        Assert.Equal(Now, left.Time);
    }

    private (ChatSession Session, RecordingSink Sink) Connect(string nick)
    {
        var sink = new RecordingSink(_encoder);
        var session = _hub.Connect(sink, "test");
        Assert.Equal(ChatError.None, _hub.Register(session, nick));
        sink.Events.Clear();
        return (session, sink);
    }

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
