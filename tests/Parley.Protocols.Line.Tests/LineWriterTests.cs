using System.Text;

namespace Parley.Protocols.Line.Tests;

public sealed class LineWriterTests
{
    public static TheoryData<byte[], string> Lines => new()
    {
        { LineWriter.Hello("hi"), "HELLO hi\n" },
        { LineWriter.Ok("delivered to bob"), "OK delivered to bob\n" },
        { LineWriter.Error(LineErrorCodes.NoSuchNick, "bob is not online"), "ERR NO_SUCH_NICK bob is not online\n" },
        { LineWriter.Direct("alice", "héllo ✓"), "DM alice: héllo ✓\n" },
        { LineWriter.Broadcast("alice", "hi all"), "BM alice: hi all\n" },
        { LineWriter.System("bob joined"), "SYS bob joined\n" },
        { LineWriter.Users(["alice", "bob"]), "USERS alice bob\n" },
        { LineWriter.Help("/users  list"), "HELP /users  list\n" },
        { LineWriter.Bye("goodbye"), "BYE goodbye\n" },
        { LineWriter.RoomMessage("#dev", "alice", "hi: there"), "RM #dev alice: hi: there\n" },
        { LineWriter.Echo(42, Noon, "alice", "#dev", "hi"), "ECHO 42 2025-06-01T12:00:00.000Z alice -> #dev: hi\n" },
        { LineWriter.RoomNotice("#dev", "bob joined"), "ROOM #dev bob joined\n" },
        { LineWriter.Topic("#dev", "alice", Noon, "release on friday"), "TOPIC #dev alice 2025-06-01T12:00:00.000Z release on friday\n" },
        { LineWriter.Members("#dev", ["~alice", "@bob", "carol"]), "MEMBERS #dev ~alice @bob carol\n" },
        { LineWriter.History(42, Noon, "alice", "#dev", "hi"), "HIST 42 2025-06-01T12:00:00.000Z alice -> #dev: hi\n" },
        { LineWriter.RoomListEntry("#dev", 3, ""), "LIST #dev 3 \n" },
        { LineWriter.Ban("#dev", "spam*", "alice", Noon), "BAN #dev spam* alice 2025-06-01T12:00:00.000Z\n" },
        { LineWriter.ServerBan("10.*", "root", Noon, "abuse"), "SERVERBAN 10.* root 2025-06-01T12:00:00.000Z abuse\n" },
        { LineWriter.Certificate("SHA256:AB", Noon, "my laptop"), "CERT SHA256:AB 2025-06-01T12:00:00.000Z my laptop\n" },
        { LineWriter.Certificate("SHA256:AB", Noon, null), "CERT SHA256:AB 2025-06-01T12:00:00.000Z\n" },
    };

    private static DateTimeOffset Noon => new(2025, 6, 1, 14, 0, 0, TimeSpan.FromHours(2));

    [Theory]
    [MemberData(nameof(Lines))]
    public void Writer_formats_token_space_text_lf_in_utf8(byte[] actual, string expected)
    {
        Assert.Equal(expected, Encoding.UTF8.GetString(actual));
    }

    [Fact]
    public void Writer_output_parses_back_with_the_client_parser()
    {
        var line = Encoding.UTF8.GetString(LineWriter.Direct("alice", "a: b")).TrimEnd('\n');

        var parsed = ServerLineParser.Parse(line);

        Assert.Equal((ServerLineKind.Direct, "alice", "a: b"), (parsed.Kind, parsed.From, parsed.Text));
    }

    [Fact]
    public void Certificate_line_parses_back_as_a_certificate()
    {
        var line = Encoding.UTF8.GetString(LineWriter.Certificate("SHA256:AB", Noon, "laptop")).TrimEnd('\n');

        var parsed = ServerLineParser.Parse(line);

        Assert.Equal((ServerLineKind.Certificate, "SHA256:AB 2025-06-01T12:00:00.000Z laptop"), (parsed.Kind, parsed.Text));
    }
}
