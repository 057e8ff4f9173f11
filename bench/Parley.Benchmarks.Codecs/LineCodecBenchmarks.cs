using System.Buffers;
using System.Text;
using BenchmarkDotNet.Attributes;
using Parley.Protocols.Line;

namespace Parley.Benchmarks.Codecs;

/// <summary>
/// The line protocol's per-message paths: a client's direct message framed and parsed, and the
/// line a recipient gets encoded. One operation is one message.
/// </summary>
[MemoryDiagnoser]
public class LineCodecBenchmarks
{
    private readonly LineFramer _framer = new();
    private ReadOnlySequence<byte> _input;
    private string _text = "";

    [GlobalSetup]
    public void Setup()
    {
        _text = new string('x', 50);
        _input = new ReadOnlySequence<byte>(Encoding.UTF8.GetBytes($"@bob:{_text}\n"));
    }

    [Benchmark(Description = "line: frame + parse @nick:text (64 B)")]
    public LineParseError FrameAndParse()
    {
        var buffer = _input;
        _framer.TryReadLine(ref buffer, out var line);
        return LineRequestParser.TryParse(line.FirstSpan, out _);
    }

    // What /dm reads: the parse, then the nick and the text (split again when not kept apart).
    [Benchmark(Description = "line: frame + parse @nick:text, nick and text as /dm reads them")]
    public int FrameParseAndSplit()
    {
        var buffer = _input;
        _framer.TryReadLine(ref buffer, out var line);
        LineRequestParser.TryParse(line.FirstSpan, out var request);
        if (request.Target is { } nick)
            return nick.Length + request.Text!.Length;
        var (word, rest) = LineRequestParser.SplitWord(request.Arguments);
        return word.Length + rest.Length;
    }

    [Benchmark(Description = "line: encode DM from: text")]
    public byte[] EncodeDirect() => LineWriter.Direct("alice", _text);
}
