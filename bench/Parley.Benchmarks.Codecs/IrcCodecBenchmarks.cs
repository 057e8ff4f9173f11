using System.Buffers;
using System.Text;
using BenchmarkDotNet.Attributes;
using Parley.Protocols.Irc;

namespace Parley.Benchmarks.Codecs;

/// <summary>
/// IRC's per-message paths: a PRIVMSG framed and parsed (without and with tags), and the line a
/// recipient gets formatted. One operation is one message.
/// </summary>
[MemoryDiagnoser]
public class IrcCodecBenchmarks
{
    private readonly IrcFramer _framer = new(IrcLimits.MaxClientTagBytes);
    private ReadOnlySequence<byte> _plain;
    private ReadOnlySequence<byte> _tagged;
    private string _text = "";

    [GlobalSetup]
    public void Setup()
    {
        _text = new string('x', 50);
        _plain = new ReadOnlySequence<byte>(Encoding.UTF8.GetBytes($"PRIVMSG bob :{_text}\r\n"));
        _tagged = new ReadOnlySequence<byte>(Encoding.UTF8.GetBytes($"@label=a1;+typing=active PRIVMSG #dev :{_text}\r\n"));
    }

    [Benchmark(Description = "irc: frame + parse PRIVMSG nick :text")]
    public IrcParseStatus FrameAndParse() => Parse(_plain);

    [Benchmark(Description = "irc: frame + parse @tags PRIVMSG #chan :text")]
    public IrcParseStatus FrameAndParseTagged() => Parse(_tagged);

    [Benchmark(Description = "irc: format :nick!user@host PRIVMSG target :text")]
    public byte[] FormatPrivmsg() => IrcMessageFormatter.Format("alice!alice@parley", "PRIVMSG", "bob", _text);

    [Benchmark(Description = "irc: format from nick, user, host PRIVMSG target :text")]
    public byte[] FormatPrivmsgFromUser() => IrcMessageFormatter.FormatFromUser([], "alice", "alice", "parley", "PRIVMSG", "bob", _text);

    private IrcParseStatus Parse(ReadOnlySequence<byte> input)
    {
        var buffer = input;
        _framer.TryReadLine(ref buffer, out var line);
        return IrcMessageParser.TryParse(line.FirstSpan, out _, IrcLimits.MaxClientTagBytes);
    }
}
