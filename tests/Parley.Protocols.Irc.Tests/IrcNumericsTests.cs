using System.Reflection;

namespace Parley.Protocols.Irc.Tests;

public sealed class IrcNumericsTests
{
    [Fact]
    public void Every_numeric_is_three_digits_and_no_two_share_a_value()
    {
        var values = typeof(IrcNumerics).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Select(f => (string)f.GetRawConstantValue()!).ToArray();
        Assert.True(values.Length >= 70);
        Assert.All(values, v => Assert.Matches("^[0-9]{3}$", v));
        Assert.Equal(values.Length, values.Distinct().Count());
    }

    [Theory]
    [InlineData(IrcNumerics.RPL_WELCOME, "001")]
    [InlineData(IrcNumerics.RPL_ISUPPORT, "005")]
    [InlineData(IrcNumerics.RPL_TOPICWHOTIME, "333")]
    [InlineData(IrcNumerics.RPL_NAMREPLY, "353")]
    [InlineData(IrcNumerics.ERR_INPUTTOOLONG, "417")]
    [InlineData(IrcNumerics.ERR_NICKNAMEINUSE, "433")]
    [InlineData(IrcNumerics.ERR_ALREADYREGISTERED, "462")]
    [InlineData(IrcNumerics.RPL_LOGGEDIN, "900")]
    [InlineData(IrcNumerics.RPL_SASLMECHS, "908")]
    public void Numeric_has_the_value_modern_ircdocs_gives(string actual, string expected)
    {
        Assert.Equal(expected, actual);
    }
}
