using Parley.Core.Presence;

namespace Parley.Core.Tests;

public sealed class NickRulesTests
{
    [Theory]
    [InlineData("a", true)]
    [InlineData("Alice_2-b", true)]
    [InlineData("abcdefghijklmnopqrstuvwxyz012345", true)]
    [InlineData("abcdefghijklmnopqrstuvwxyz0123456", false)]
    [InlineData("", false)]
    [InlineData("#alice", false)]
    [InlineData("al ice", false)]
    [InlineData("al:ice", false)]
    [InlineData("ålice", false)]
    public void IsValid_accepts_only_1_to_32_ascii_letters_digits_underscore_dash(string nick, bool valid)
    {
        Assert.Equal(valid, NickRules.IsValid(nick));
    }

    [Fact]
    public void Comparer_ignores_ascii_case()
    {
        Assert.True(NickRules.Comparer.Equals("Alice", "aLICE"));
    }
}
