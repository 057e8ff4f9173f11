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
    };

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
}
