namespace Parley.Protocols.Line.Tests;

public sealed class ServerLineRoomParserTests
{
    private static readonly DateTimeOffset Noon = new(2025, 6, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Parse_room_message_gives_room_sender_and_text()
    {
        var line = ServerLineParser.Parse("RM #dev alice: hi: there");

        Assert.Equal(ServerLineKind.RoomMessage, line.Kind);
        Assert.Equal(("#dev", "alice", "hi: there"), (line.Room, line.From, line.Text));
        Assert.False(line.IsDataLine);
    }

    [Fact]
    public void Parse_room_echo_gives_id_time_room_sender_and_text()
    {
        var line = ServerLineParser.Parse("ECHO 1748779200000001 2025-06-01T12:00:00.000Z alice -> #dev: hi: there");

        Assert.Equal(ServerLineKind.Echo, line.Kind);
        Assert.Equal((1748779200000001L, Noon, "#dev", "#dev", "alice", "hi: there"), (line.MessageId, line.Time, line.Room, line.To, line.From, line.Text));
        Assert.False(line.IsDataLine);
    }

    [Fact]
    public void Parse_direct_echo_has_no_room()
    {
        var line = ServerLineParser.Parse("ECHO 5 2025-06-01T12:00:00.000Z alice -> bob: hi");

        Assert.Equal((ServerLineKind.Echo, "bob", null), (line.Kind, line.To, line.Room));
    }

    [Fact]
    public void Parse_room_notice_gives_room_and_text()
    {
        var line = ServerLineParser.Parse("ROOM #dev bob was kicked by alice (spam)");

        Assert.Equal(ServerLineKind.RoomNotice, line.Kind);
        Assert.Equal(("#dev", "bob was kicked by alice (spam)"), (line.Room, line.Text));
    }

    [Fact]
    public void Parse_topic_gives_setter_time_and_text()
    {
        var line = ServerLineParser.Parse("TOPIC #dev alice 2025-06-01T12:00:00.000Z release on friday");

        Assert.Equal(ServerLineKind.Topic, line.Kind);
        Assert.Equal(("#dev", "alice", Noon, "release on friday"), (line.Room, line.From, line.Time, line.Text));
        Assert.True(line.IsDataLine);
    }

    [Fact]
    public void Parse_members_gives_prefixed_nicks()
    {
        var line = ServerLineParser.Parse("MEMBERS #dev ~alice @bob +carol dave");

        Assert.Equal(ServerLineKind.Members, line.Kind);
        Assert.Equal("#dev", line.Room);
        Assert.Equal(["~alice", "@bob", "+carol", "dave"], line.Nicks);
        Assert.True(line.IsDataLine);
    }

    [Fact]
    public void Parse_room_history_gives_id_time_room_sender_and_text()
    {
        var line = ServerLineParser.Parse("HIST 1748779200000001 2025-06-01T12:00:00.000Z alice -> #dev: hi");

        Assert.Equal(ServerLineKind.History, line.Kind);
        Assert.Equal(("#dev", 1748779200000001L, Noon, "alice", "hi"), (line.Room, line.MessageId, line.Time, line.From, line.Text));
        Assert.True(line.IsDataLine);
    }

    [Fact]
    public void Parse_list_gives_count_and_topic()
    {
        var line = ServerLineParser.Parse("LIST #dev 3 release on friday");

        Assert.Equal(ServerLineKind.RoomList, line.Kind);
        Assert.Equal(("#dev", 3, "release on friday"), (line.Room, line.Count, line.Text));
    }

    [Theory]
    [InlineData("RM dev alice: hi")]
    [InlineData("RM #dev alice hi")]
    [InlineData("TOPIC #dev alice yesterday text")]
    [InlineData("HISTORY #dev 1 2025-06-01T12:00:00.000Z alice: hi")]
    [InlineData("HIST x 2025-06-01T12:00:00.000Z alice -> #dev: hi")]
    [InlineData("HIST 1 2025-06-01T12:00:00.000Z alice -> #dev hi")]
    [InlineData("ECHO #dev alice: hi")]
    [InlineData("LIST #dev many topic")]
    [InlineData("ROOM")]
    [InlineData("MEMBERS")]
    public void Parse_malformed_room_line_gives_unknown(string raw)
    {
        Assert.Equal(ServerLineKind.Unknown, ServerLineParser.Parse(raw).Kind);
    }

    [Fact]
    public void Writer_room_lines_parse_back_with_the_client_parser()
    {
        var raw = System.Text.Encoding.UTF8.GetString(LineWriter.History(7, Noon, "alice", "#dev", "a: b")).TrimEnd('\n');

        var line = ServerLineParser.Parse(raw);

        Assert.Equal(("#dev", 7L, Noon, "alice", "a: b"), (line.Room, line.MessageId, line.Time, line.From, line.Text));
    }
}
