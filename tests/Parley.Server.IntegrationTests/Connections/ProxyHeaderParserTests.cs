using System.Buffers;
using System.Net;
using System.Text;
using Parley.Server.Connections.Proxy;

namespace Parley.Server.IntegrationTests.Connections;

/// <summary>The PROXY protocol parser: whole, split at every offset, one byte per segment, malformed and oversized.</summary>
public sealed class ProxyHeaderParserTests
{
    public static TheoryData<string> ValidHeaders => new()
    {
        "PROXY TCP4 203.0.113.7 192.0.2.1 40000 6667\r\n",
        "PROXY TCP6 2001:db8::1 2001:db8::2 65535 443\r\n",
        "PROXY UNKNOWN\r\n",
        "PROXY UNKNOWN ffff:f...f:ffff ffff:f...f:ffff 65535 65535\r\n",
    };

    [Theory]
    [MemberData(nameof(ValidHeaders))]
    public void A_v1_header_parses_whole_split_anywhere_and_byte_by_byte_and_leaves_what_follows(string text)
    {
        var bytes = Encoding.ASCII.GetBytes(text + "#alice\n");
        foreach (var buffer in Splits(bytes))
        {
            Assert.Equal(ProxyParseStatus.Done, ProxyHeaderParser.TryParse(buffer, out var header));
            Assert.Equal(text.Length, header.Length);
        }

        for (var cut = 0; cut < text.Length; cut++)
            Assert.Equal(ProxyParseStatus.NeedMore, ProxyHeaderParser.TryParse(new ReadOnlySequence<byte>(bytes, 0, cut), out _));
    }

    [Fact]
    public void A_v1_header_gives_the_client_address_and_unknown_gives_none()
    {
        Assert.Equal(ProxyParseStatus.Done, ProxyHeaderParser.TryParse(Sequence("PROXY TCP4 203.0.113.7 192.0.2.1 40000 6667\r\n"), out var tcp4));
        Assert.Equal(new IPEndPoint(IPAddress.Parse("203.0.113.7"), 40000), tcp4.Source);
        Assert.Equal(new IPEndPoint(IPAddress.Parse("192.0.2.1"), 6667), tcp4.Destination);
        Assert.Equal(ProxyParseStatus.Done, ProxyHeaderParser.TryParse(Sequence("PROXY UNKNOWN\r\n"), out var unknown));
        Assert.Null(unknown.Source);
    }

    [Theory]
    [InlineData("GET / HTTP/1.1\r\n")]
    [InlineData("#alice\n")]
    [InlineData("PROXY TCP4 203.0.113.7 192.0.2.1 40000\r\n")]
    [InlineData("PROXY TCP4 2001:db8::1 192.0.2.1 40000 6667\r\n")]
    [InlineData("PROXY TCP6 203.0.113.7 2001:db8::2 40000 6667\r\n")]
    [InlineData("PROXY TCP4 203.0.113.7 192.0.2.1 70000 6667\r\n")]
    [InlineData("PROXY TCP4 203.0.113.7 192.0.2.1 040000 6667\r\n")]
    [InlineData("PROXY TCP4 203.0.113.7 192.0.2.1 -1 6667\r\n")]
    [InlineData("PROXY TCP4 203.0.113.7  192.0.2.1 40000 6667\r\n")]
    [InlineData("PROXY UDP4 203.0.113.7 192.0.2.1 40000 6667\r\n")]
    [InlineData("PROXY TCP4 203.0.113.7 192.0.2.1 40000 6667\n")]
    [InlineData("PROXY TCP4 203.7 192.0.2.1 40000 6667\r\n")]
    [InlineData("proxy TCP4 203.0.113.7 192.0.2.1 40000 6667\r\n")]
    public void Anything_but_a_valid_header_is_invalid(string text)
    {
        Assert.Equal(ProxyParseStatus.Invalid, ProxyHeaderParser.TryParse(Sequence(text), out _));
    }

    [Fact]
    public void A_v1_header_without_its_end_within_107_bytes_is_invalid_without_waiting_for_more()
    {
        var endless = "PROXY UNKNOWN " + new string('x', 200);
        Assert.Equal(ProxyParseStatus.Invalid, ProxyHeaderParser.TryParse(Sequence(endless), out _));
        Assert.Equal(ProxyParseStatus.NeedMore, ProxyHeaderParser.TryParse(Sequence(endless[..106]), out _));
        Assert.Equal(ProxyParseStatus.Invalid, ProxyHeaderParser.TryParse(Sequence(endless[..107]), out _));
    }

    [Theory]
    [InlineData("203.0.113.7", "192.0.2.1")]
    [InlineData("2001:db8::1", "2001:db8::2")]
    public void A_v2_header_parses_whole_split_anywhere_and_byte_by_byte_with_tlvs_skipped(string source, string destination)
    {
        byte[] tlvs = [0x01, 0x00, 0x02, (byte)'h', (byte)'2', 0x04, 0x00, 0x00];
        var header = ProxyHeaders.V2(source, 40000, destination, 6697, tlvs: tlvs);
        var bytes = header.Concat("NICK a\r\n"u8.ToArray()).ToArray();
        foreach (var buffer in Splits(bytes))
        {
            Assert.Equal(ProxyParseStatus.Done, ProxyHeaderParser.TryParse(buffer, out var parsed));
            Assert.Equal(header.Length, parsed.Length);
            Assert.Equal(new IPEndPoint(IPAddress.Parse(source), 40000), parsed.Source);
            Assert.Equal(new IPEndPoint(IPAddress.Parse(destination), 6697), parsed.Destination);
        }

        for (var cut = 0; cut < header.Length; cut++)
            Assert.Equal(ProxyParseStatus.NeedMore, ProxyHeaderParser.TryParse(new ReadOnlySequence<byte>(bytes, 0, cut), out _));
    }

    [Fact]
    public void A_v2_local_header_keeps_the_connection_s_own_address()
    {
        var header = ProxyHeaders.V2("203.0.113.7", 40000, "192.0.2.1", 6667, local: true);
        Assert.Equal(ProxyParseStatus.Done, ProxyHeaderParser.TryParse(new ReadOnlySequence<byte>(header), out var parsed));
        Assert.Null(parsed.Source);
        Assert.Equal(header.Length, parsed.Length);
    }

    [Fact]
    public void A_v2_header_that_is_oversized_or_malformed_is_invalid_before_its_body_arrives()
    {
        var header = ProxyHeaders.V2("203.0.113.7", 40000, "192.0.2.1", 6667);
        var oversized = (byte[])header.Clone();
        oversized[14] = 0xFF;
        oversized[15] = 0xFF;
        Assert.Equal(ProxyParseStatus.Invalid, ProxyHeaderParser.TryParse(new ReadOnlySequence<byte>(oversized, 0, 16), out _));

        var version1 = (byte[])header.Clone();
        version1[12] = 0x11;
        Assert.Equal(ProxyParseStatus.Invalid, ProxyHeaderParser.TryParse(new ReadOnlySequence<byte>(version1), out _));

        var shortAddresses = (byte[])header.Clone();
        shortAddresses[15] = 4;
        Assert.Equal(ProxyParseStatus.Invalid, ProxyHeaderParser.TryParse(new ReadOnlySequence<byte>(shortAddresses), out _));

        var badSignature = (byte[])header.Clone();
        badSignature[5] = 0x00;
        Assert.Equal(ProxyParseStatus.Invalid, ProxyHeaderParser.TryParse(new ReadOnlySequence<byte>(badSignature, 0, 6), out _));
    }

    [Fact]
    public void Any_bytes_give_a_status_never_an_exception()
    {
        var random = new Random(9);
        for (var i = 0; i < 5000; i++)
        {
            var bytes = new byte[random.Next(0, 300)];
            random.NextBytes(bytes);
            if (bytes.Length > 0 && i % 2 == 0)
                bytes[0] = i % 4 == 0 ? (byte)'P' : (byte)0x0D;
            var status = ProxyHeaderParser.TryParse(new ReadOnlySequence<byte>(bytes), out var header);
            Assert.True(status != ProxyParseStatus.Done || header.Length <= bytes.Length);
        }
    }

    private static ReadOnlySequence<byte> Sequence(string text) => new(Encoding.ASCII.GetBytes(text));

    // Whole, split in two at every offset, and one byte per segment.
    private static IEnumerable<ReadOnlySequence<byte>> Splits(byte[] bytes)
    {
        yield return new ReadOnlySequence<byte>(bytes);
        for (var cut = 1; cut < bytes.Length; cut++)
            yield return Segments([bytes[..cut], bytes[cut..]]);
        yield return Segments([.. bytes.Select(b => new[] { b })]);
    }

    private static ReadOnlySequence<byte> Segments(byte[][] parts)
    {
        var first = new Segment(parts[0], 0);
        var last = first;
        foreach (var part in parts.Skip(1))
            last = last.Append(part);
        return new ReadOnlySequence<byte>(first, 0, last, last.Memory.Length);
    }

    private sealed class Segment : ReadOnlySequenceSegment<byte>
    {
        public Segment(ReadOnlyMemory<byte> memory, long runningIndex)
        {
            Memory = memory;
            RunningIndex = runningIndex;
        }

        public Segment Append(ReadOnlyMemory<byte> memory)
        {
            var next = new Segment(memory, RunningIndex + Memory.Length);
            Next = next;
            return next;
        }
    }
}
