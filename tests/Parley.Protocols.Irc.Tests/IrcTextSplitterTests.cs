using System.Text;

namespace Parley.Protocols.Irc.Tests;

public sealed class IrcTextSplitterTests
{
    [Fact]
    public void Split_text_that_fits_is_one_chunk()
    {
        Assert.Equal(["hello world"], IrcTextSplitter.Split("hello world", 11));
    }

    [Fact]
    public void Split_empty_text_gives_no_chunks()
    {
        Assert.Empty(IrcTextSplitter.Split("", 10));
    }

    [Fact]
    public void Split_space_just_past_the_chunk_is_the_cut_and_is_dropped()
    {
        Assert.Equal(["hello", "world"], IrcTextSplitter.Split("hello world", 5));
    }

    [Fact]
    public void Split_cuts_at_the_last_space_within_the_chunk()
    {
        Assert.Equal(["aaa bbb", "ccc ddd"], IrcTextSplitter.Split("aaa bbb ccc ddd", 9));
    }

    [Fact]
    public void Split_only_the_cut_space_is_dropped()
    {
        Assert.Equal(["abc ", "d"], IrcTextSplitter.Split("abc  d", 4));
        Assert.Equal(["ab ", "cd"], IrcTextSplitter.Split("ab  cd", 4));
    }

    [Fact]
    public void Split_space_that_ends_the_text_is_kept()
    {
        Assert.Equal(["😀a", " "], IrcTextSplitter.Split("😀a ", 5));
    }

    [Fact]
    public void Split_word_longer_than_a_chunk_is_cut_between_characters()
    {
        Assert.Equal(["abcd", "efgh", "ij"], IrcTextSplitter.Split("abcdefghij", 4));
    }

    [Fact]
    public void Split_never_cuts_inside_a_utf8_sequence()
    {
        Assert.Equal(["éé", "éé", "é"], IrcTextSplitter.Split("ééééé", 5));
    }

    [Fact]
    public void Split_never_cuts_a_surrogate_pair()
    {
        Assert.Equal(["😀", "😀", "😀"], IrcTextSplitter.Split("😀😀😀", 7));
    }

    [Fact]
    public void Split_keeps_a_letter_with_its_combining_accent()
    {
        Assert.Equal(["e\u0301", "e\u0301"], IrcTextSplitter.Split("e\u0301e\u0301", 4));
    }

    [Fact]
    public void Split_cluster_longer_than_a_chunk_is_cut_between_scalars()
    {
        var zalgo = "e" + new string('\u0301', 10); // 1 + 20 bytes in one grapheme cluster
        var chunks = IrcTextSplitter.Split(zalgo, 4);
        Assert.Equal(zalgo, string.Concat(chunks));
        Assert.All(chunks, c => Assert.True(Encoding.UTF8.GetByteCount(c) <= 4));
    }

    [Fact]
    public void Split_chunk_size_below_four_throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => IrcTextSplitter.Split("abc", 3));
    }

    [Fact]
    public void GetMaxTextBytes_text_of_that_size_makes_a_line_of_exactly_512_bytes()
    {
        const string source = "dan!~d@host.example.com";
        var max = IrcTextSplitter.GetMaxTextBytes(source, "PRIVMSG", "#parley");
        var line = IrcMessageFormatter.Format(source, "PRIVMSG", "#parley", new string('x', max - 1) + " ");
        Assert.Equal(IrcLimits.MaxLineBytes, line.Length);
    }

    [Theory]
    [InlineData("alice!alice@parley", "PRIVMSG", "bob")]
    [InlineData("ünï!u@cloak.example", "NOTICE", "#dév")]
    public void GetMaxTextBytes_of_a_source_length_equals_that_of_the_source(string source, string command, string target)
    {
        Assert.Equal(
            IrcTextSplitter.GetMaxTextBytes(source, command, target),
            IrcTextSplitter.GetMaxTextBytes(Encoding.UTF8.GetByteCount(source), command, target));
    }

    [Fact]
    public void GetMaxTextBytes_without_source_counts_no_source()
    {
        Assert.Equal(512 - "PRIVMSG dan :\r\n".Length, IrcTextSplitter.GetMaxTextBytes(null, "PRIVMSG", "dan"));
        Assert.Equal(0, IrcTextSplitter.GetMaxTextBytes(new string('s', 600), "PRIVMSG", "dan"));
    }

    [Fact]
    public void Split_chunks_formatted_with_the_budget_fit_in_512_bytes()
    {
        var text = string.Concat(Enumerable.Repeat("word ünïcödé 😀 ", 100));
        var max = IrcTextSplitter.GetMaxTextBytes("n!u@h", "PRIVMSG", "#c");
        foreach (var chunk in IrcTextSplitter.Split(text, max))
            Assert.True(IrcMessageFormatter.Format("n!u@h", "PRIVMSG", "#c", chunk).Length <= IrcLimits.MaxLineBytes);
    }
}
