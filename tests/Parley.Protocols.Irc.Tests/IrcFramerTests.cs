using System.Buffers;
using System.Text;

namespace Parley.Protocols.Irc.Tests;

public sealed class IrcFramerTests
{
    private const int MaxContent = IrcLimits.MaxLineBytes - 2; // 510 bytes without CR LF

    [Fact]
    public void TryReadLine_lf_alone_and_cr_lf_both_end_a_line()
    {
        var outcomes = Feed.AllWays("PING a\nPING b\r\n");
        Assert.Equal(["a", "b"], outcomes.Select(o => o.Message!.Parameters[0]));
    }

    [Fact]
    public void TryReadLine_empty_lines_are_reported_as_empty_and_skipped_by_callers()
    {
        var outcomes = Feed.AllWays("\r\n\nPING x\r\n");
        Assert.Equal([IrcParseStatus.Empty, IrcParseStatus.Empty, IrcParseStatus.Success], outcomes.Select(o => o.Parse!.Value));
    }

    [Fact]
    public void TryReadLine_bare_cr_does_not_end_a_line()
    {
        var outcomes = Feed.AllWays("PING a\rPING b\r\n");
        Assert.Equal(IrcParseStatus.InvalidCharacter, Assert.Single(outcomes).Parse);
    }

    [Fact]
    public void TryReadLine_incomplete_line_consumes_nothing()
    {
        var framer = new IrcFramer();
        var buffer = new ReadOnlySequence<byte>("@a=b :src PRIVMSG #a :hel"u8.ToArray());
        Assert.Equal(IrcFrameStatus.NeedMoreData, framer.TryReadLine(ref buffer, out _));
        Assert.Equal(25, buffer.Length);
    }

    [Theory]
    [InlineData("\r\n")]
    [InlineData("\n")]
    public void TryReadLine_line_at_the_limit_is_accepted(string terminator)
    {
        var line = "PRIVMSG #a :" + new string('x', MaxContent - 12);
        var outcomes = Feed.AllWays(line + terminator + "PING\r\n");
        Assert.Equal(2, outcomes.Count);
        var outcome = outcomes[0];
        Assert.Equal(IrcParseStatus.Success, outcome.Parse);
        Assert.Equal(MaxContent - 12, outcome.Message!.Parameters[1].Length);
    }

    [Theory]
    [InlineData("\r\n")]
    [InlineData("\n")]
    public void TryReadLine_line_one_byte_over_the_limit_is_reported_once_and_the_next_line_is_read(string terminator)
    {
        var line = "PRIVMSG #a :" + new string('x', MaxContent - 12 + 1);
        var outcomes = Feed.AllWays(line + terminator + "PING next\r\n");
        Assert.Equal([IrcFrameStatus.LineTooLong, IrcFrameStatus.Line], outcomes.Select(o => o.Frame));
        Assert.Equal("next", outcomes[1].Message!.Parameters[0]);
    }

    [Fact]
    public void TryReadLine_tags_at_their_limit_with_a_line_at_its_limit_are_accepted()
    {
        var tags = "@k=" + new string('t', IrcLimits.MaxTagBytes - 4) + " "; // 8,191 bytes with '@' and ' '
        var line = "PRIVMSG #a :" + new string('x', MaxContent - 12);
        Assert.Equal(IrcLimits.MaxTagBytes, tags.Length);
        var outcomes = Feed.Run(new IrcFramer(), [Encoding.ASCII.GetBytes(tags + line + "\r\n")]);
        var message = Assert.Single(outcomes).Message!;
        Assert.Equal(IrcLimits.MaxTagBytes - 4, message.Tags[0].Value.Length);
        Assert.Equal(MaxContent - 12, message.Parameters[1].Length);
    }

    [Fact]
    public void TryReadLine_tags_one_byte_over_their_limit_are_reported_once_and_the_next_line_is_read()
    {
        var tags = "@k=" + new string('t', IrcLimits.MaxTagBytes - 3) + " ";
        var outcomes = Feed.Run(new IrcFramer(), [Encoding.ASCII.GetBytes(tags + "PING\r\nPING next\r\n")]);
        Assert.Equal([IrcFrameStatus.TagsTooLong, IrcFrameStatus.Line], outcomes.Select(o => o.Frame));
        Assert.Equal("next", outcomes[1].Message!.Parameters[0]);
    }

    [Fact]
    public void TryReadLine_long_tags_do_not_count_against_the_line_limit()
    {
        var tags = "@k=" + new string('t', 4000) + " ";
        var outcome = Assert.Single(Feed.Run(new IrcFramer(), [Encoding.ASCII.GetBytes(tags + "PING x\r\n")]));
        Assert.Equal(IrcParseStatus.Success, outcome.Parse);
    }

    [Fact]
    public void TryReadLine_client_tag_limit_reports_tags_over_4094_bytes_of_data()
    {
        IrcFramer Client() => new(IrcLimits.MaxClientTagBytes);
        var fits = "@k=" + new string('t', 4094 - 2) + " PING\r\n";
        var over = "@k=" + new string('t', 4094 - 1) + " PING\r\n";
        Assert.Equal(IrcFrameStatus.Line, Assert.Single(Feed.Run(Client(), [Encoding.ASCII.GetBytes(fits)])).Frame);
        Assert.Equal(IrcFrameStatus.TagsTooLong, Assert.Single(Feed.Run(Client(), [Encoding.ASCII.GetBytes(over)])).Frame);
    }

    [Fact]
    public void TryReadLine_overlong_line_split_at_every_offset_is_reported_once()
    {
        IrcFramer Small() => new(maxTagBytes: 16, maxLineBytes: 16);
        var outcomes = Feed.AllWays("@a=1 PRIVMSG #a :0123456789\r\n@a=0123456789abcdef PING\r\nPING ok\r\n", Small);
        Assert.Equal([IrcFrameStatus.LineTooLong, IrcFrameStatus.TagsTooLong, IrcFrameStatus.Line], outcomes.Select(o => o.Frame));
        Assert.Equal("ok", outcomes[2].Message!.Parameters[0]);
    }

    [Fact]
    public void TryReadLine_tags_only_line_is_a_line_without_a_command()
    {
        var outcome = Assert.Single(Feed.AllWays("@a=b;c=d\r\n"));
        Assert.Equal(IrcParseStatus.MissingCommand, outcome.Parse);
    }

    [Theory]
    [InlineData("")]
    [InlineData("@a=b ")]
    public void TryReadLine_huge_line_without_terminator_is_reported_once_and_not_buffered(string prefix)
    {
        var framer = new IrcFramer();
        var chunk = new byte[1000];
        Array.Fill(chunk, (byte)'x');
        var reports = new List<IrcFrameStatus>();
        var pending = Encoding.ASCII.GetBytes(prefix);
        for (var i = 0; i < 100; i++)
        {
            var buffer = Feed.Sequence(pending, chunk);
            IrcFrameStatus status;
            while ((status = framer.TryReadLine(ref buffer, out _)) != IrcFrameStatus.NeedMoreData)
                reports.Add(status);
            pending = buffer.ToArray();
            Assert.True(pending.Length < IrcLimits.MaxTagBytes + IrcLimits.MaxLineBytes, "an overlong line must be consumed, not held");
        }

        var rest = Feed.Sequence(pending, "xx\r\nPING ok\r\n"u8.ToArray());
        Assert.Equal(IrcFrameStatus.Line, framer.TryReadLine(ref rest, out var line));
        Assert.Equal("PING ok", Encoding.ASCII.GetString(line));
        Assert.Equal([IrcFrameStatus.LineTooLong], reports);
    }

    [Fact]
    public void TryReadLine_huge_tag_section_without_space_is_reported_once_and_not_buffered()
    {
        var framer = new IrcFramer();
        var chunk = new byte[1000];
        Array.Fill(chunk, (byte)'t');
        var reports = new List<IrcFrameStatus>();
        var pending = "@k="u8.ToArray();
        for (var i = 0; i < 100; i++)
        {
            var buffer = Feed.Sequence(pending, chunk);
            IrcFrameStatus status;
            while ((status = framer.TryReadLine(ref buffer, out _)) != IrcFrameStatus.NeedMoreData)
                reports.Add(status);
            pending = buffer.ToArray();
            Assert.True(pending.Length <= IrcLimits.MaxTagBytes, "overlong tags must be consumed, not held");
        }

        Assert.Equal([IrcFrameStatus.TagsTooLong], reports);
    }

    [Fact]
    public void Constructor_limits_too_small_to_frame_anything_throw()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new IrcFramer(maxTagBytes: 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => new IrcFramer(maxLineBytes: 2));
    }
}
