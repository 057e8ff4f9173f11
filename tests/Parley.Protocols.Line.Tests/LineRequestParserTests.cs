using System.Text;

namespace Parley.Protocols.Line.Tests;

public sealed class LineRequestParserTests
{
    [Theory]
    [InlineData("#alice", "nick", "alice")]
    [InlineData("/nick alice", "nick", "alice")]
    [InlineData("/NICK   alice  ", "nick", "alice")]
    [InlineData("@bob:hello there", "dm", "bob hello there")]
    [InlineData("@bob: hello there ", "dm", "bob hello there")]
    [InlineData("@bob:", "dm", "bob")]
    [InlineData("@bob:a:b:c", "dm", "bob a:b:c")]
    [InlineData("/dm bob hello", "dm", "bob hello")]
    [InlineData("@#dev:hello room", "say", "#dev hello room")]
    [InlineData("@#dev:", "say", "#dev")]
    [InlineData("#dev", "nick", "dev")]
    [InlineData("/join #dev key", "join", "#dev key")]
    [InlineData("/bm hello all", "bm", "hello all")]
    [InlineData("hello all", "bm", "hello all")]
    [InlineData("  héllo ✓", "bm", "héllo ✓")]
    [InlineData("/users", "users", "")]
    [InlineData("/quit gone fishing", "quit", "gone fishing")]
    [InlineData("/whatever x", "whatever", "x")]
    [InlineData("tab\tinside", "bm", "tab\tinside")]
    [InlineData("\u0002bold\u0002 irc", "bm", "\u0002bold\u0002 irc")]
    public void TryParse_valid_line_gives_command_and_arguments(string line, string command, string arguments)
    {
        var error = LineRequestParser.TryParse(Encoding.UTF8.GetBytes(line), out var request);

        Assert.Equal(LineParseError.None, error);
        Assert.Equal(new LineRequest(command, arguments), request);
    }

    [Theory]
    [InlineData("@bob:hello there", "dm", "bob", "hello there")]
    [InlineData("@bob:  a:b ", "dm", "bob", "a:b")]
    [InlineData("/dm bob hello", "dm", "bob", "hello")]
    [InlineData("/DM\tbob   hello  there ", "dm", "bob", "hello  there")]
    [InlineData("@#dev:hello room", "say", "#dev", "hello room")]
    public void TryParse_message_to_one_target_keeps_target_and_text_apart(string line, string command, string target, string text)
    {
        var error = LineRequestParser.TryParse(Encoding.UTF8.GetBytes(line), out var request);

        Assert.Equal(LineParseError.None, error);
        Assert.Equal((command, target, text), (request.Command, request.Target, request.Text));
        Assert.True(request.HasArguments);
        Assert.Equal(new LineRequest(command, $"{target} {text}"), request);
    }

    [Theory]
    [InlineData("@bob:")]
    [InlineData("/dm bob")]
    [InlineData("/dmx bob hi")]
    [InlineData("/join #dev key")]
    public void TryParse_other_lines_keep_the_arguments_whole(string line)
    {
        LineRequestParser.TryParse(Encoding.UTF8.GetBytes(line), out var request);

        Assert.Null(request.Target);
        Assert.Null(request.Text);
    }

    [Theory]
    [InlineData("", LineParseError.Empty)]
    [InlineData("   \t ", LineParseError.Empty)]
    [InlineData("@bob hi", LineParseError.Syntax)]
    [InlineData("@:hi", LineParseError.Syntax)]
    [InlineData("@b ob:hi", LineParseError.Syntax)]
    [InlineData("/", LineParseError.Syntax)]
    [InlineData("a\rb", LineParseError.ControlCharacter)]
    [InlineData("a\u001b[31mred", LineParseError.ControlCharacter)]
    [InlineData("nul\0", LineParseError.ControlCharacter)]
    [InlineData("del\u007f", LineParseError.ControlCharacter)]
    public void TryParse_refused_line_gives_the_reason(string line, LineParseError expected)
    {
        Assert.Equal(expected, LineRequestParser.TryParse(Encoding.UTF8.GetBytes(line), out _));
    }

    [Theory]
    [InlineData(new byte[] { 0xC3, 0x28 })]
    [InlineData(new byte[] { 0xFF })]
    [InlineData(new byte[] { (byte)'a', 0xE2, 0x82 })]
    [InlineData(new byte[] { 0xED, 0xA0, 0x80 })]
    public void TryParse_invalid_utf8_is_refused(byte[] line)
    {
        Assert.Equal(LineParseError.InvalidUtf8, LineRequestParser.TryParse(line, out _));
    }

    [Theory]
    [InlineData("bob hi there", "bob", "hi there")]
    [InlineData("  bob   hi  ", "bob", "hi")]
    [InlineData("bob", "bob", "")]
    [InlineData("", "", "")]
    public void SplitWord_splits_off_the_first_word(string text, string word, string remainder)
    {
        Assert.Equal((word, remainder), LineRequestParser.SplitWord(text));
    }
}
