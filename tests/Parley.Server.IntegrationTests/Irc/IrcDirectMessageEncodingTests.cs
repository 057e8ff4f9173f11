using Parley.Core.Events;
using Parley.FrontEnds.Irc;
using Parley.Protocols.Irc;

namespace Parley.Server.IntegrationTests.Irc;

/// <summary>
/// A direct message is encoded by a one-line fast path (issue 10); it must give exactly the bytes
/// of the general path (messages, split, tags, format), for every set of tags and every text.
/// </summary>
public sealed class IrcDirectMessageEncodingTests
{
    private static readonly DateTimeOffset SentAt = new(2026, 12, 2, 1, 2, 3, 456, TimeSpan.Zero);

    public static TheoryData<string> Texts()
    {
        var data = new TheoryData<string>
        {
            "hello",
            ":starts with a colon",
            "  spaces  around  ",
            "tab\tand \x01ACTION waves\x01",
            "ünïcödé ✓ and 🎉 emoji",
            "line\rbreak",
            "nul\0inside",
            "lf\nat the end\n",
            new string('a', 400),
            new string('a', 600),
            string.Concat(Enumerable.Repeat("word ", 120)),
            string.Concat(Enumerable.Repeat("é", 150)),
            string.Concat(Enumerable.Repeat("é", 300)),
            string.Concat(Enumerable.Repeat("🎉", 110)),
        };
        // Around the 512-byte line: every length that ends just inside or just past the budget.
        for (var n = 430; n <= 470; n++)
            data.Add(new string('x', n));
        for (var n = 215; n <= 235; n++)
            data.Add(new string('é', n));
        return data;
    }

    [Theory]
    [MemberData(nameof(Texts))]
    public void Direct_message_bytes_equal_the_general_paths_for_every_tag_set(string text)
    {
        foreach (var notice in new[] { false, true })
        {
            foreach (var tags in new[] { IrcEventTags.None, IrcEventTags.Time, IrcEventTags.Account, IrcEventTags.Time | IrcEventTags.Account, IrcEventTags.All })
            {
                foreach (var message in Messages(text, notice))
                {
                    var encoder = new IrcEventEncoder("irc.test", tags);

                    Assert.Equal(General(message, tags), encoder.Encode(message));
                }
            }
        }
    }

    [Fact]
    public void Empty_direct_message_encodes_to_nothing()
    {
        var encoder = new IrcEventEncoder("irc.test", IrcEventTags.All);

        Assert.Empty(encoder.Encode(new DirectMessageEvent("alice", "bob", "")));
    }

    private static IEnumerable<DirectMessageEvent> Messages(string text, bool notice)
    {
        yield return new DirectMessageEvent("alice", "bob", text) { IsNotice = notice };
        yield return new DirectMessageEvent("alice", "bob", text)
        {
            IsNotice = notice,
            Time = SentAt,
            MessageId = 42,
            FromAccount = "alice",
            FromAddress = new UserAddress("~al", "host.example"),
            ClientTags = [new("+draft/reply", "41"), new("+typing", "done")],
        };
        // A repeated client tag: the general path merges it, so the fast path must leave it alone.
        yield return new DirectMessageEvent("alice", "bob", text)
        {
            IsNotice = notice,
            Time = SentAt,
            MessageId = 7,
            ClientTags = [new("+x", "1"), new("+x", "2")],
        };
    }

    private static byte[] General(ChatEvent message, IrcEventTags tags) =>
        [.. IrcEventEncoder.ToTaggedMessages("irc.test", message, tags).SelectMany(IrcMessageFormatter.Format)];
}
