namespace Parley.Protocols.Irc.Tests;

public sealed class IrcTagEscapingTests
{
    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("; \\\r\n", @"\:\s\\\r\n")]
    [InlineData("", "")]
    [InlineData("é 😀", @"é\s😀")]
    public void Escape_then_unescape_gives_back_the_value(string value, string escaped)
    {
        Assert.Equal(escaped, IrcTagEscaping.Escape(value));
        Assert.Equal(value, IrcTagEscaping.Unescape(escaped));
    }

    [Theory]
    [InlineData("+example.com/foo", true)]
    [InlineData("msgid", true)]
    [InlineData("draft/reply", true)]
    [InlineData("a-b-9", true)]
    [InlineData("", false)]
    [InlineData("+", false)]
    [InlineData("/x", false)]
    [InlineData("x/", false)]
    [InlineData("a_b", false)]
    [InlineData("é", false)]
    public void IsWellFormedKey_follows_the_ircv3_key_grammar(string key, bool expected)
    {
        Assert.Equal(expected, IrcTag.IsWellFormedKey(key));
    }
}
