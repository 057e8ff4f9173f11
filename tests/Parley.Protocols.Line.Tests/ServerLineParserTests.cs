using FsCheck;
using FsCheck.Fluent;
using Parley.Protocols.Line;

namespace Parley.Protocols.Line.Tests;

public sealed class ServerLineParserTests
{
    [Fact]
    public void Parse_hello_line_gives_hello_with_text()
    {
        var line = ServerLineParser.Parse("HELLO Parley 0.1: register with #<nick> or /nick <nick>; /help lists commands");

        Assert.Equal(ServerLineKind.Hello, line.Kind);
        Assert.Equal("Parley 0.1: register with #<nick> or /nick <nick>; /help lists commands", line.Text);
        Assert.Null(line.From);
        Assert.Null(line.Code);
        Assert.False(line.IsFinalReply);
    }

    [Fact]
    public void Parse_ok_line_gives_final_ok_reply()
    {
        var line = ServerLineParser.Parse("OK delivered to bob");

        Assert.Equal(ServerLineKind.Ok, line.Kind);
        Assert.Equal("delivered to bob", line.Text);
        Assert.True(line.IsFinalReply);
    }

    [Fact]
    public void Parse_err_line_gives_code_and_text()
    {
        var line = ServerLineParser.Parse("ERR NO_SUCH_NICK bob is not online");

        Assert.Equal(ServerLineKind.Error, line.Kind);
        Assert.Equal("NO_SUCH_NICK", line.Code);
        Assert.Equal("bob is not online", line.Text);
        Assert.True(line.IsFinalReply);
    }

    [Fact]
    public void Parse_err_line_with_code_only_gives_empty_text()
    {
        var line = ServerLineParser.Parse("ERR SYNTAX");

        Assert.Equal(ServerLineKind.Error, line.Kind);
        Assert.Equal("SYNTAX", line.Code);
        Assert.Equal("", line.Text);
    }

    [Fact]
    public void Parse_dm_line_gives_sender_and_text()
    {
        var line = ServerLineParser.Parse("DM alice: hello there");

        Assert.Equal(ServerLineKind.Direct, line.Kind);
        Assert.Equal("alice", line.From);
        Assert.Equal("hello there", line.Text);
    }

    [Fact]
    public void Parse_dm_text_with_colons_keeps_them_in_text()
    {
        var line = ServerLineParser.Parse("DM alice: time is 12:30: ok");

        Assert.Equal("alice", line.From);
        Assert.Equal("time is 12:30: ok", line.Text);
    }

    [Fact]
    public void Parse_bm_line_gives_sender_and_text()
    {
        var line = ServerLineParser.Parse("BM bob-2: hello all");

        Assert.Equal(ServerLineKind.Broadcast, line.Kind);
        Assert.Equal("bob-2", line.From);
        Assert.Equal("hello all", line.Text);
    }

    [Fact]
    public void Parse_bm_with_empty_text_gives_empty_text()
    {
        var line = ServerLineParser.Parse("BM bob:");

        Assert.Equal(ServerLineKind.Broadcast, line.Kind);
        Assert.Equal("", line.Text);
    }

    [Fact]
    public void Parse_sys_line_gives_system_notice()
    {
        var line = ServerLineParser.Parse("SYS alice joined");

        Assert.Equal(ServerLineKind.System, line.Kind);
        Assert.Equal("alice joined", line.Text);
    }

    [Fact]
    public void Parse_users_line_gives_nick_list()
    {
        var line = ServerLineParser.Parse("USERS alice bob Carol_3");

        Assert.Equal(ServerLineKind.Users, line.Kind);
        Assert.Equal(["alice", "bob", "Carol_3"], line.Nicks);
        Assert.True(line.IsDataLine);
        Assert.False(line.IsFinalReply);
    }

    [Fact]
    public void Parse_users_line_with_extra_spaces_skips_empty_nicks()
    {
        var line = ServerLineParser.Parse("USERS alice  bob ");

        Assert.Equal(["alice", "bob"], line.Nicks);
    }

    [Fact]
    public void Parse_help_line_gives_help_data_line()
    {
        var line = ServerLineParser.Parse("HELP /dm <nick> <text>  send a direct message");

        Assert.Equal(ServerLineKind.Help, line.Kind);
        Assert.Equal("/dm <nick> <text>  send a direct message", line.Text);
        Assert.True(line.IsDataLine);
    }

    [Fact]
    public void Parse_bye_line_gives_final_bye_reply()
    {
        var line = ServerLineParser.Parse("BYE lunch");

        Assert.Equal(ServerLineKind.Bye, line.Kind);
        Assert.Equal("lunch", line.Text);
        Assert.True(line.IsFinalReply);
    }

    [Theory]
    [InlineData("OK", ServerLineKind.Ok)]
    [InlineData("BYE", ServerLineKind.Bye)]
    [InlineData("SYS", ServerLineKind.System)]
    [InlineData("USERS", ServerLineKind.Users)]
    public void Parse_bare_token_gives_kind_with_empty_text(string input, ServerLineKind kind)
    {
        var line = ServerLineParser.Parse(input);

        Assert.Equal(kind, line.Kind);
        Assert.Equal("", line.Text);
    }

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData("WHAT is this")]
    [InlineData("ok lower-case token")]
    [InlineData("Ok mixed-case token")]
    [InlineData("OKAY not a token")]
    [InlineData(" OK leading space")]
    [InlineData("ERR")]
    [InlineData("ERR ")]
    [InlineData("DM alice no colon")]
    [InlineData("DM : no sender")]
    [InlineData("DM")]
    [InlineData("BM two words: text")]
    [InlineData("\0\u0001\uFFFD")]
    public void Parse_malformed_line_gives_unknown_with_raw_text(string input)
    {
        var line = ServerLineParser.Parse(input);

        Assert.Equal(ServerLineKind.Unknown, line.Kind);
        Assert.Equal(input, line.Raw);
        Assert.Equal(input, line.Text);
        Assert.False(line.IsFinalReply);
    }

    [Fact]
    public void Parse_line_with_trailing_cr_ignores_the_cr()
    {
        var line = ServerLineParser.Parse("OK delivered to bob\r");

        Assert.Equal(ServerLineKind.Ok, line.Kind);
        Assert.Equal("delivered to bob", line.Text);
        Assert.Equal("OK delivered to bob\r", line.Raw);
    }

    [Fact]
    public void Parse_unicode_text_keeps_it_intact()
    {
        var line = ServerLineParser.Parse("DM zoë: héllo 世界 👋🏽");

        Assert.Equal(ServerLineKind.Direct, line.Kind);
        Assert.Equal("zoë", line.From);
        Assert.Equal("héllo 世界 👋🏽", line.Text);
    }

    [Fact]
    public void Parse_span_gives_same_result_as_string()
    {
        const string Input = "ERR NICK_TAKEN alice is taken";

        var fromString = ServerLineParser.Parse(Input);
        var fromSpan = ServerLineParser.Parse(Input.AsSpan());

        Assert.Equal(fromString.Kind, fromSpan.Kind);
        Assert.Equal(fromString.Code, fromSpan.Code);
        Assert.Equal(fromString.Text, fromSpan.Text);
        Assert.Equal(fromString.Raw, fromSpan.Raw);
    }

    [Fact]
    public void Parse_null_string_throws_argument_null()
    {
        Assert.Throws<ArgumentNullException>(() => ServerLineParser.Parse((string)null!));
    }

    [Fact]
    public void Parse_any_string_never_throws_and_keeps_raw()
    {
        Check.QuickThrowOnFailure(Prop.ForAll<string>(input =>
        {
            var text = input ?? "";
            var line = ServerLineParser.Parse(text);
            return line.Raw == text && line.Text is not null && line.Nicks is not null;
        }));
    }

    [Fact]
    public void Parse_any_text_after_a_known_token_never_throws()
    {
        string[] tokens = ["HELLO", "OK", "ERR", "DM", "BM", "SYS", "USERS", "HELP", "BYE"];
        Check.QuickThrowOnFailure(Prop.ForAll<int, string>((index, rest) =>
        {
            var token = tokens[Math.Abs(index % tokens.Length)];
            var line = ServerLineParser.Parse(token + " " + (rest ?? ""));
            return line.Kind != ServerLineKind.Unknown || token is "ERR" or "DM" or "BM";
        }));
    }
}
