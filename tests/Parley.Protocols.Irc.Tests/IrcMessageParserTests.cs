using System.Text;

namespace Parley.Protocols.Irc.Tests;

/// <summary>
/// Golden lines from modern.ircdocs.horse ("Messages") and the IRCv3 message-tags spec. Every
/// case goes through <see cref="Feed.AllWays(string, Func{IrcFramer}?)"/>: whole, split at every
/// offset, and one byte per segment.
/// </summary>
public sealed class IrcMessageParserTests
{
    [Fact]
    public void TryParse_cap_ls_from_a_server_has_source_and_trailing_with_spaces()
    {
        var message = ParseOne(":irc.example.com CAP LS * :multi-prefix extended-join sasl\r\n");
        Assert.Equal("irc.example.com", message.Source);
        Assert.Equal("CAP", message.Command);
        Assert.Equal(["LS", "*", "multi-prefix extended-join sasl"], message.Parameters.ToArray());
        Assert.Empty(message.Tags.ToArray());
    }

    [Fact]
    public void TryParse_tagged_privmsg_has_tag_source_and_text()
    {
        var message = ParseOne("@id=234AB :dan!d@localhost PRIVMSG #chan :Hey what's up!\r\n");
        Assert.Equal([new IrcTag("id", "234AB")], message.Tags.ToArray());
        Assert.Equal("dan!d@localhost", message.Source);
        Assert.Equal("PRIVMSG", message.Command);
        Assert.Equal(["#chan", "Hey what's up!"], message.Parameters.ToArray());
    }

    [Fact]
    public void TryParse_client_command_without_source_has_no_source()
    {
        var message = ParseOne("CAP REQ :sasl\r\n");
        Assert.Null(message.Source);
        Assert.Equal(["REQ", "sasl"], message.Parameters.ToArray());
    }

    [Fact]
    public void TryParse_command_without_parameters_has_none()
    {
        var message = ParseOne("PING\r\n");
        Assert.Equal("PING", message.Command);
        Assert.Empty(message.Parameters.ToArray());
    }

    [Fact]
    public void TryParse_numeric_reply_keeps_its_three_digits()
    {
        var message = ParseOne(":irc.example.com 001 dan :Welcome to the Internet Relay Network dan\r\n");
        Assert.Equal("001", message.Command);
        Assert.True(message.IsNumeric);
        Assert.Equal(["dan", "Welcome to the Internet Relay Network dan"], message.Parameters.ToArray());
    }

    [Fact]
    public void TryParse_last_parameter_without_colon_is_the_same_as_with_one()
    {
        var bare = ParseOne(":dan!d@localhost PRIVMSG #chan Hey!\r\n");
        var colon = ParseOne(":dan!d@localhost PRIVMSG #chan :Hey!\r\n");
        Assert.Equal(colon, bare);
    }

    [Fact]
    public void TryParse_trailing_starting_with_colon_keeps_the_second_colon()
    {
        var message = ParseOne(":dan!d@localhost PRIVMSG #chan ::-)\r\n");
        Assert.Equal(["#chan", ":-)"], message.Parameters.ToArray());
    }

    [Fact]
    public void TryParse_empty_trailing_is_an_empty_last_parameter()
    {
        var message = ParseOne(":dan!d@localhost PRIVMSG #chan :\r\n");
        Assert.Equal(["#chan", ""], message.Parameters.ToArray());
    }

    [Fact]
    public void TryParse_trailing_keeps_inner_and_final_spaces_and_colons()
    {
        var message = ParseOne("PRIVMSG #chan :a  b :c: \r\n");
        Assert.Equal(["#chan", "a  b :c: "], message.Parameters.ToArray());
    }

    [Fact]
    public void TryParse_several_spaces_between_parts_count_as_one()
    {
        var message = ParseOne("@a=1  :src   PRIVMSG    #chan     :hi\r\n");
        Assert.Equal("src", message.Source);
        Assert.Equal(["#chan", "hi"], message.Parameters.ToArray());
    }

    [Fact]
    public void TryParse_spaces_after_the_last_middle_parameter_add_no_parameter()
    {
        var message = ParseOne("MODE #chan +o   \r\n");
        Assert.Equal(["#chan", "+o"], message.Parameters.ToArray());
    }

    [Fact]
    public void TryParse_lower_case_verb_is_upper_cased()
    {
        Assert.Equal("PRIVMSG", ParseOne("privmsg #a :b\n").Command);
        Assert.Equal("FOOBAR", ParseOne("FooBar\n").Command);
    }

    [Fact]
    public void TryParse_ircv3_example_tags_with_missing_value_and_vendor_key()
    {
        var message = ParseOne("@aaa=bbb;ccc;example.com/ddd=eee :nick!ident@host.com PRIVMSG me :Hello\r\n");
        Assert.Equal([new IrcTag("aaa", "bbb"), new IrcTag("ccc", ""), new IrcTag("example.com/ddd", "eee")], message.Tags.ToArray());
        Assert.Equal("nick!ident@host.com", message.Source);
        Assert.Equal(["me", "Hello"], message.Parameters.ToArray());
    }

    [Fact]
    public void TryParse_client_only_tag_keeps_its_plus_prefix()
    {
        var message = ParseOne("@+example.com/foo=bar TAGMSG #channel\r\n");
        var tag = Assert.Single(message.Tags.ToArray());
        Assert.Equal("+example.com/foo", tag.Key);
        Assert.True(tag.IsClientOnly);
        Assert.True(message.TryGetTag("+example.com/foo", out var value));
        Assert.Equal("bar", value);
    }

    [Theory]
    [InlineData(@"\:\s\\\r\n", "; \\\r\n")]
    [InlineData(@"b\\and\nk", "b\\and\nk")]
    [InlineData(@"72\s45", "72 45")]
    [InlineData(@"gh\:764", "gh;764")]
    [InlineData(@"\b", "b")]
    [InlineData(@"x\", "x")]
    [InlineData(@"\", "")]
    [InlineData(@"a=b", "a=b")]
    [InlineData("", "")]
    public void TryParse_tag_value_escapes_are_undone_as_ircv3_says(string escaped, string value)
    {
        var message = ParseOne($"@k={escaped} PING\r\n");
        Assert.Equal([new IrcTag("k", value)], message.Tags.ToArray());
    }

    [Fact]
    public void TryParse_repeated_tag_key_keeps_the_last_value()
    {
        var message = ParseOne("@a=1;b=2;a=3 PING\r\n");
        Assert.Equal([new IrcTag("a", "3"), new IrcTag("b", "2")], message.Tags.ToArray());
    }

    [Fact]
    public void TryParse_many_repeated_tag_keys_keep_one_of_each()
    {
        var tags = string.Join(';', Enumerable.Range(0, 200).Select(i => $"k{i % 40}={i}"));
        var message = ParseOne($"@{tags} PING\r\n");
        Assert.Equal(40, message.Tags.Length);
        Assert.True(message.TryGetTag("k0", out var value));
        Assert.Equal("160", value);
    }

    [Fact]
    public void TryParse_empty_tags_between_semicolons_are_skipped()
    {
        var message = ParseOne("@a=1;;b; PING\r\n");
        Assert.Equal([new IrcTag("a", "1"), new IrcTag("b", "")], message.Tags.ToArray());
    }

    [Fact]
    public void TryParse_odd_tag_key_is_accepted_as_ircv3_requires()
    {
        var message = ParseOne("@we!rd/k_y=1 PING\r\n");
        Assert.Equal("we!rd/k_y", Assert.Single(message.Tags).Key);
        Assert.False(IrcTag.IsWellFormedKey("we!rd/k_y"));
    }

    [Fact]
    public void TryParse_utf8_text_is_decoded()
    {
        var message = ParseOne("PRIVMSG #chan :héllo ✓ 😀\r\n");
        Assert.Equal("héllo ✓ 😀", message.Parameters[1]);
    }

    [Fact]
    public void TryParse_fifteenth_parameter_takes_the_rest_of_the_line()
    {
        var message = ParseOne("CMD 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 :17\r\n");
        Assert.Equal(15, message.Parameters.Length);
        Assert.Equal("15 16 :17", message.Parameters[14]);
    }

    [Fact]
    public void TryParse_fifteen_parameters_with_trailing_are_kept_as_they_are()
    {
        var message = ParseOne("CMD 1 2 3 4 5 6 7 8 9 10 11 12 13 14 :15 and more\r\n");
        Assert.Equal(15, message.Parameters.Length);
        Assert.Equal("15 and more", message.Parameters[14]);
    }

    [Fact]
    public void TryParse_several_lines_in_one_read_yield_each_in_order()
    {
        var outcomes = Feed.AllWays("NICK dan\r\nUSER d 0 * :Dan\nPING x\r\n");
        Assert.Equal(["NICK", "USER", "PING"], outcomes.Select(o => o.Message!.Command));
    }

    [Theory]
    [InlineData("", IrcParseStatus.Empty)]
    [InlineData("    ", IrcParseStatus.Empty)]
    [InlineData(":irc.example.com", IrcParseStatus.MissingCommand)]
    [InlineData(":irc.example.com   ", IrcParseStatus.MissingCommand)]
    [InlineData("@a=b", IrcParseStatus.MissingCommand)]
    [InlineData("@a=b ", IrcParseStatus.MissingCommand)]
    [InlineData("@a=b :src", IrcParseStatus.MissingCommand)]
    [InlineData(": PRIVMSG #a :b", IrcParseStatus.InvalidSource)]
    [InlineData("1234 x", IrcParseStatus.InvalidCommand)]
    [InlineData("12 x", IrcParseStatus.InvalidCommand)]
    [InlineData("PRIV1 x", IrcParseStatus.InvalidCommand)]
    [InlineData("PRIV-MSG x", IrcParseStatus.InvalidCommand)]
    [InlineData("@=x PING", IrcParseStatus.InvalidTags)]
    [InlineData("@a=1;=2 PING", IrcParseStatus.InvalidTags)]
    [InlineData("PRIVMSG #a :b\0c", IrcParseStatus.InvalidCharacter)]
    [InlineData("PRIVMSG #a :b\rc", IrcParseStatus.InvalidCharacter)]
    [InlineData("PRIVMSG #a :b\r", IrcParseStatus.InvalidCharacter)]
    public void TryParse_malformed_line_gives_its_error_status(string line, IrcParseStatus expected)
    {
        var outcome = Assert.Single(Feed.AllWays(line + "\r\n"));
        Assert.Equal(IrcFrameStatus.Line, outcome.Frame);
        Assert.Equal(expected, outcome.Parse);
        Assert.Null(outcome.Message);
    }

    [Theory]
    [InlineData(new byte[] { 0xff })]
    [InlineData(new byte[] { 0xc3 })]
    [InlineData(new byte[] { 0xed, 0xa0, 0x80 })]
    [InlineData(new byte[] { 0xc0, 0xaf })]
    public void TryParse_invalid_utf8_gives_invalid_utf8_and_the_command_can_still_be_peeked(byte[] bad)
    {
        byte[] line = [.. "privmsg #a :x"u8, .. bad, .. "y"u8];
        var outcome = Assert.Single(Feed.AllWays([.. line, (byte)'\r', (byte)'\n']));
        Assert.Equal(IrcParseStatus.InvalidUtf8, outcome.Parse);
        Assert.Equal("PRIVMSG", IrcMessageParser.PeekCommand(line));
    }

    [Theory]
    [InlineData("@a=b :src NOTICE x", "NOTICE")]
    [InlineData("ping", "PING")]
    [InlineData(":src", null)]
    [InlineData("", null)]
    [InlineData("12 x", null)]
    public void PeekCommand_finds_the_command_after_tags_and_source(string line, string? expected)
    {
        Assert.Equal(expected, IrcMessageParser.PeekCommand(Encoding.UTF8.GetBytes(line)));
    }

    [Fact]
    public void TryParse_span_over_the_tag_limit_is_refused_before_decoding()
    {
        var line = Encoding.ASCII.GetBytes("@" + new string('a', IrcLimits.MaxTagBytes - 1) + " PING");
        Assert.Equal(IrcParseStatus.TagsTooLong, IrcMessageParser.TryParse(line, out var message));
        Assert.Null(message);
        var fits = Encoding.ASCII.GetBytes("@" + new string('a', IrcLimits.MaxTagBytes - 2) + " PING");
        Assert.Equal(IrcParseStatus.Success, IrcMessageParser.TryParse(fits, out _));
    }

    [Fact]
    public void TryParse_span_over_the_line_limit_is_refused()
    {
        var line = Encoding.ASCII.GetBytes("PRIVMSG #a :" + new string('x', IrcLimits.MaxLineBytes - 2 - 12 + 1));
        Assert.Equal(IrcParseStatus.LineTooLong, IrcMessageParser.TryParse(line, out _));
        Assert.Equal(IrcParseStatus.Success, IrcMessageParser.TryParse(line.AsSpan(0, line.Length - 1), out _));
    }

    [Fact]
    public void TryParse_long_multi_segment_sequence_over_both_limits_is_refused_without_copying()
    {
        var sequence = Feed.Sequence([.. Enumerable.Repeat(new byte[1000], 20)]);
        Assert.Equal(IrcParseStatus.LineTooLong, IrcMessageParser.TryParse(sequence, out _));
    }

    [Fact]
    public void TryParse_multi_segment_line_longer_than_the_stack_buffer_parses()
    {
        var text = new string('x', 400);
        var bytes = Encoding.ASCII.GetBytes("PRIVMSG #a :" + text);
        var sequence = Feed.Sequence(bytes[..100], bytes[100..]);
        Assert.Equal(IrcParseStatus.Success, IrcMessageParser.TryParse(sequence, out var message));
        Assert.Equal(text, message!.Parameters[1]);
    }

    [Fact]
    public void TryParse_known_verbs_share_one_string_instance()
    {
        IrcMessageParser.TryParse("privmsg #a b"u8, out var first);
        IrcMessageParser.TryParse("PRIVMSG #a b"u8, out var second);
        Assert.Same(first!.Command, second!.Command);
    }

    private static IrcMessage ParseOne(string wire)
    {
        var outcome = Assert.Single(Feed.AllWays(wire));
        Assert.Equal(IrcParseStatus.Success, outcome.Parse);
        return outcome.Message!;
    }
}
