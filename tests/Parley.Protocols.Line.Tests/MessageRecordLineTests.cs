using System.Text;
using Parley.Protocols.Line;

namespace Parley.Protocols.Line.Tests;

public sealed class MessageRecordLineTests
{
    private static readonly DateTimeOffset When = new(2025, 6, 1, 12, 34, 56, 789, TimeSpan.Zero);

    [Theory]
    [InlineData("HIST", ServerLineKind.History, true)]
    [InlineData("MISSED", ServerLineKind.Missed, true)]
    [InlineData("ECHO", ServerLineKind.Echo, false)]
    public void Parse_record_line_gives_id_time_sender_recipient_and_text(string token, ServerLineKind kind, bool isData)
    {
        var line = ServerLineParser.Parse($"{token} 42 2025-06-01T12:34:56.789Z alice -> bob: hi: there -> you");

        Assert.Equal(kind, line.Kind);
        Assert.Equal(42, line.MessageId);
        Assert.Equal(When, line.Time);
        Assert.Equal(("alice", "bob", "hi: there -> you"), (line.From, line.To, line.Text));
        Assert.Equal(isData, line.IsDataLine);
        Assert.False(line.IsFinalReply);
    }

    [Fact]
    public void Parse_broadcast_record_has_star_as_recipient()
    {
        var line = ServerLineParser.Parse("HIST 7 2025-06-01T12:34:56.789Z alice -> *: hello all");

        Assert.Equal(("*", "hello all"), (line.To, line.Text));
    }

    [Theory]
    [InlineData("HIST")]
    [InlineData("HIST x 2025-06-01T12:34:56.789Z alice -> bob: hi")]
    [InlineData("HIST -1 2025-06-01T12:34:56.789Z alice -> bob: hi")]
    [InlineData("HIST 1 yesterday alice -> bob: hi")]
    [InlineData("HIST 1 2025-06-01T12:34:56.789Z alice bob: hi")]
    [InlineData("HIST 1 2025-06-01T12:34:56.789Z alice -> bob hi")]
    [InlineData("MISSED 1 2025-06-01T12:34:56.789Z alice ->")]
    public void Parse_malformed_record_gives_unknown(string raw)
    {
        var line = ServerLineParser.Parse(raw);

        Assert.Equal(ServerLineKind.Unknown, line.Kind);
        Assert.Equal(raw, line.Text);
    }

    [Fact]
    public void Writer_records_parse_back_to_what_was_written()
    {
        var bytes = LineWriter.History(123, When, "alice", null, "text with -> and : inside");
        var text = Encoding.UTF8.GetString(bytes);

        Assert.Equal("HIST 123 2025-06-01T12:34:56.789Z alice -> *: text with -> and : inside\n", text);
        var line = ServerLineParser.Parse(text.TrimEnd('\n'));
        Assert.Equal((123L, When, "alice", "*", "text with -> and : inside"), (line.MessageId!.Value, line.Time!.Value, line.From, line.To, line.Text));
    }

    [Fact]
    public void Writer_timestamps_are_utc_whatever_the_offset_given()
    {
        Assert.Equal("2025-06-01T10:34:56.789Z", LineWriter.FormatTime(new DateTimeOffset(2025, 6, 1, 12, 34, 56, 789, TimeSpan.FromHours(2))));
    }

    [Theory]
    [InlineData("#alice", "nick", "alice")]
    [InlineData("#alice secret-password", "login", "alice secret-password")]
    [InlineData("#  alice   secret-password  ", "login", "alice secret-password")]
    [InlineData("#", "nick", "")]
    public void Request_parser_reads_hash_nick_as_nick_and_hash_nick_password_as_login(string raw, string command, string arguments)
    {
        Assert.Equal(LineParseError.None, LineRequestParser.TryParse(Encoding.UTF8.GetBytes(raw), out var request));
        Assert.Equal(new LineRequest(command, arguments), request);
    }
}
