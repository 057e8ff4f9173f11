using System.Buffers;

namespace Parley.Benchmarks.FanOut;

/// <summary>Stands in for the transport: the write loop copies into it, nothing is kept.</summary>
internal sealed class DiscardWriter : IBufferWriter<byte>
{
    private readonly byte[] _buffer = new byte[64 * 1024];

    public void Advance(int count)
    {
    }

    public Memory<byte> GetMemory(int sizeHint = 0) => _buffer.Length >= sizeHint ? _buffer : new byte[sizeHint];

    public Span<byte> GetSpan(int sizeHint = 0) => GetMemory(sizeHint).Span;
}
