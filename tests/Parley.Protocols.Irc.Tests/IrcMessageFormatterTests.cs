using System.Buffers;
using System.Text;

namespace Parley.Protocols.Irc.Tests;

public sealed class IrcMessageFormatterTests
{
    [Fact]
    public void Format_message_with_text_puts_a_colon_before_the_text()
    {
        var message = new IrcMessage("dan!d@localhost", "PRIVMSG", "#chan", "Hey what's up!");
        Assert.Equal(":dan!d@localhost PRIVMSG #chan :Hey what's up!\r\n", Wire(message));
    }

    [Fact]
    public void Format_last_parameter_without_space_gets_no_colon()
    {
        Assert.Equal("NICK dan\r\n", Wire(new IrcMessage(null, "NICK", "dan")));
    }

    [Theory]
    [InlineData("", "PRIVMSG #a :\r\n")]
    [InlineData(":-)", "PRIVMSG #a ::-)\r\n")]
    [InlineData("a b", "PRIVMSG #a :a b\r\n")]
    [InlineData("a:b", "PRIVMSG #a a:b\r\n")]
    public void Format_last_parameter_gets_a_colon_only_when_it_needs_one(string last, string expected)
    {
        Assert.Equal(expected, Wire(new IrcMessage(null, "PRIVMSG", "#a", last)));
    }

    [Fact]
    public void Format_command_without_parameters_is_the_command_alone()
    {
        Assert.Equal("PING\r\n", Wire(new IrcMessage(null, "ping")));
    }

    [Fact]
    public void Format_numeric_is_written_as_given()
    {
        var message = new IrcMessage("irc.example.com", IrcNumerics.RPL_WELCOME, "dan", "Welcome to Parley, dan");
        Assert.Equal(":irc.example.com 001 dan :Welcome to Parley, dan\r\n", Wire(message));
    }

    [Fact]
    public void Format_tag_values_are_escaped_and_empty_values_are_bare_keys()
    {
        var message = new IrcMessage(null, "TAGMSG", "#a")
            .WithTags([new IrcTag("a", "; \\\r\n"), new IrcTag("b", ""), new IrcTag("+example.com/c", "x=y")]);
        Assert.Equal(@"@a=\:\s\\\r\n;b;+example.com/c=x=y TAGMSG #a" + "\r\n", Wire(message));
    }

    [Fact]
    public void WithTags_repeated_key_keeps_its_first_position_and_last_value()
    {
        var message = new IrcMessage(null, "PING").WithTags([new IrcTag("a", "1"), new IrcTag("b", "2"), new IrcTag("a", "3")]);
        Assert.Equal("@a=3;b=2 PING\r\n", Wire(message));
    }

    [Fact]
    public void Format_utf8_text_is_encoded()
    {
        Assert.Equal("PRIVMSG #a :héllo ✓ 😀\r\n", Wire(new IrcMessage(null, "PRIVMSG", "#a", "héllo ✓ 😀")));
    }

    [Fact]
    public void Format_pieces_give_the_same_bytes_as_the_message()
    {
        var message = new IrcMessage("src", "PRIVMSG", "#a", "hi there").WithTags([new IrcTag("t", "v v")]);
        Assert.Equal(IrcMessageFormatter.Format(message), IrcMessageFormatter.FormatWithTags([new IrcTag("t", "v v")], "src", "privmsg", "#a", "hi there"));
        Assert.Equal("PING :x y\r\n", Encoding.UTF8.GetString(IrcMessageFormatter.Format(null, "PING", "x y")));
    }

    [Theory]
    [InlineData("a b")]
    [InlineData(":a")]
    [InlineData("")]
    public void Format_middle_parameter_that_cannot_be_a_middle_throws(string middle)
    {
        Assert.Throws<ArgumentException>(() => IrcMessageFormatter.Format(null, "PRIVMSG", middle, "text"));
        Assert.Throws<ArgumentException>(() => new IrcMessage(null, "PRIVMSG", middle, "text"));
    }

    [Theory]
    [InlineData("\r")]
    [InlineData("\n")]
    [InlineData("\0")]
    public void Format_cr_lf_or_nul_anywhere_throws(string bad)
    {
        Assert.Throws<ArgumentException>(() => IrcMessageFormatter.Format(null, "PRIVMSG", "#a", "x" + bad));
        Assert.Throws<ArgumentException>(() => IrcMessageFormatter.Format(null, "PRIVMSG", "#a" + bad, "x"));
        Assert.Throws<ArgumentException>(() => IrcMessageFormatter.Format("src" + bad, "PRIVMSG", "#a", "x"));
        Assert.Throws<ArgumentException>(() => IrcMessageFormatter.FormatWithTags([new IrcTag("k" + bad, "v")], null, "PING"));
    }

    [Fact]
    public void Format_nul_in_a_tag_value_throws_but_cr_and_lf_are_escaped()
    {
        Assert.Throws<ArgumentException>(() => IrcMessageFormatter.FormatWithTags([new IrcTag("k", "a\0b")], null, "PING"));
        Assert.Equal("@k=a\\rb\\n PING\r\n", Encoding.UTF8.GetString(IrcMessageFormatter.FormatWithTags([new IrcTag("k", "a\rb\n")], null, "PING")));
    }

    [Theory]
    [InlineData("")]
    [InlineData("PRIV MSG")]
    [InlineData("PRIV1")]
    [InlineData("1234")]
    [InlineData("12")]
    public void Format_command_neither_letters_nor_three_digits_throws(string command)
    {
        Assert.Throws<ArgumentException>(() => IrcMessageFormatter.Format(null, command));
    }

    [Theory]
    [InlineData("")]
    [InlineData("a b")]
    public void Format_source_empty_or_with_space_throws(string source)
    {
        Assert.Throws<ArgumentException>(() => IrcMessageFormatter.Format(source, "PING"));
        Assert.Throws<ArgumentException>(() => new IrcMessage(null, "PING").WithSource(source));
    }

    [Theory]
    [InlineData("")]
    [InlineData("a=b")]
    [InlineData("a;b")]
    [InlineData("a b")]
    public void WithTags_key_that_cannot_be_sent_throws(string key)
    {
        Assert.Throws<ArgumentException>(() => new IrcMessage(null, "PING").WithTags([new IrcTag(key, "v")]));
    }

    [Fact]
    public void Format_more_than_fifteen_parameters_throws()
    {
        var sixteen = Enumerable.Range(1, 16).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        Assert.Throws<ArgumentException>(() => IrcMessageFormatter.Format(null, "CMD", sixteen));
        Assert.Equal(15, new IrcMessage(null, "CMD", sixteen[..15]).Parameters.Length);
    }

    [Fact]
    public void Write_to_a_span_and_a_buffer_writer_gives_the_formatted_bytes()
    {
        var message = new IrcMessage("src", "NOTICE", "dan", "hello there").WithTags([new IrcTag("time", "2024-01-01T00:00:00.000Z")]);
        var expected = IrcMessageFormatter.Format(message);
        Assert.Equal(expected.Length, IrcMessageFormatter.GetByteCount(message));

        var span = new byte[expected.Length + 10];
        Assert.Equal(expected.Length, IrcMessageFormatter.Write(message, span));
        Assert.Equal(expected, span[..expected.Length]);

        var writer = new ArrayBufferWriter<byte>();
        IrcMessageFormatter.Write(message, writer);
        Assert.Equal(expected, writer.WrittenSpan.ToArray());

        Assert.Throws<ArgumentException>(() => IrcMessageFormatter.Write(message, new byte[expected.Length - 1]));
    }

    [Fact]
    public void ToString_is_the_line_without_cr_lf()
    {
        Assert.Equal("@a=b :s PRIVMSG #c :d e", new IrcMessage("s", "PRIVMSG", "#c", "d e").WithTags([new IrcTag("a", "b")]).ToString());
    }

    [Fact]
    public void Format_then_parse_gives_back_an_equal_message()
    {
        var message = new IrcMessage("dan!d@h", "PRIVMSG", "#chan", ":-) a;b\\c ").WithTags([new IrcTag("k", "; \\\r\n"), new IrcTag("e", "")]);
        var outcome = Assert.Single(Feed.AllWays(IrcMessageFormatter.Format(message)));
        Assert.Equal(message, outcome.Message);
        Assert.Equal(message.GetHashCode(), outcome.Message!.GetHashCode());
    }

    [Fact]
    public void Message_accessors_find_parameters_and_tags()
    {
        var message = new IrcMessage(null, "PRIVMSG", "#a", "b").WithTags([new IrcTag("k", "v")]);
        Assert.Equal("b", message.GetParameter(1));
        Assert.Null(message.GetParameter(2));
        Assert.Null(message.GetParameter(-1));
        Assert.True(message.TryGetTag("k", out var value));
        Assert.Equal("v", value);
        Assert.False(message.TryGetTag("K", out _));
        Assert.False(message.IsNumeric);
    }

    [Theory]
    [InlineData("alice", "alice", "parley", "hello there")]
    [InlineData("ünï", "u", "cloak.example", ":starts with a colon")]
    [InlineData("bob", "b", "h", "x")]
    public void FormatFromUser_gives_the_bytes_of_the_joined_mask(string nick, string user, string host, string text)
    {
        IrcTag[] tags = [new("time", "2026-12-02T03:04:05.678Z"), new("+typing", "a b;c")];

        Assert.Equal(
            IrcMessageFormatter.Format($"{nick}!{user}@{host}", "PRIVMSG", "bob", text),
            IrcMessageFormatter.FormatFromUser([], nick, user, host, "PRIVMSG", "bob", text));
        Assert.Equal(
            IrcMessageFormatter.FormatWithTags(tags, $"{nick}!{user}@{host}", "NOTICE", "#dev", text),
            IrcMessageFormatter.FormatFromUser(tags, nick, user, host, "NOTICE", "#dev", text));
    }

    [Theory]
    [InlineData("", "u", "h")]
    [InlineData("a b", "u", "h")]
    [InlineData("a", "u u", "h")]
    [InlineData("a", "u", "h\r")]
    public void FormatFromUser_refuses_a_source_part_with_no_wire_form(string nick, string user, string host)
    {
        Assert.Throws<ArgumentException>(() => IrcMessageFormatter.FormatFromUser([], nick, user, host, "PRIVMSG", "bob", "hi"));
    }

    private static string Wire(IrcMessage message) => Encoding.UTF8.GetString(IrcMessageFormatter.Format(message));
}
