namespace Parley.Protocols.Irc.Tests;

public sealed class IrcCaseMappingTests
{
    [Theory]
    [InlineData("Dan", "dAN", true)]
    [InlineData("dan[x]", "DAN{X}", false)]
    [InlineData("a~", "A^", false)]
    [InlineData("dan", "dann", false)]
    [InlineData("é", "É", false)]
    public void Ascii_folds_only_letters(string x, string y, bool equal)
    {
        AssertEquality(IrcCaseMapping.Ascii, x, y, equal);
    }

    [Theory]
    [InlineData("Dan[x]\\", "dAN{X}|", true)]
    [InlineData("a~", "A^", true)]
    [InlineData("a_", "A_", true)]
    [InlineData("a@", "A`", false)]
    public void Rfc1459_folds_brackets_backslash_and_tilde_too(string x, string y, bool equal)
    {
        AssertEquality(IrcCaseMapping.Rfc1459, x, y, equal);
    }

    [Theory]
    [InlineData("Dan[x]\\", "dAN{X}|", true)]
    [InlineData("a~", "A^", false)]
    public void StrictRfc1459_folds_brackets_and_backslash_but_not_tilde(string x, string y, bool equal)
    {
        AssertEquality(IrcCaseMapping.StrictRfc1459, x, y, equal);
    }

    [Fact]
    public void ToLower_folds_as_the_comparer_compares()
    {
        Assert.Equal("dan{x}|~", IrcCaseMapping.Rfc1459.ToLower("DAN[X]\\^"));
        Assert.Equal("dan[x]\\^", IrcCaseMapping.Ascii.ToLower("DAN[X]\\^"));
        var same = "already-lower";
        Assert.Same(same, IrcCaseMapping.Ascii.ToLower(same));
    }

    [Fact]
    public void Dictionary_keyed_with_a_mapping_finds_nicks_in_any_case()
    {
        var nicks = new Dictionary<string, int>(IrcCaseMapping.Rfc1459) { ["Dan[away]"] = 1 };
        Assert.Equal(1, nicks["dan{AWAY}"]);
    }

    [Theory]
    [InlineData("ascii")]
    [InlineData("rfc1459")]
    [InlineData("strict-rfc1459")]
    public void FromName_finds_each_mapping_by_its_isupport_name(string name)
    {
        Assert.Equal(name, IrcCaseMapping.FromName(name)!.Name);
        Assert.Null(IrcCaseMapping.FromName("rfc7613"));
    }

    private static void AssertEquality(IrcCaseMapping mapping, string x, string y, bool equal)
    {
        Assert.Equal(equal, mapping.Equals(x, y));
        Assert.Equal(equal, mapping.Equals(y, x));
        if (equal)
            Assert.Equal(mapping.GetHashCode(x), mapping.GetHashCode(y));
    }
}
