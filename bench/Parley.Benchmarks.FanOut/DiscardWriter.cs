using System.IO.Pipelines;
using Parley.FrontEnds.Connections;

namespace Parley.Benchmarks.FanOut;

/// <summary>Stands in for the frame transport: the write loop copies each frame into it, nothing is kept.</summary>
internal sealed class DiscardWriter : IFrameWriter
{
    private readonly byte[] _buffer = new byte[64 * 1024];

    public void WriteFrame(ReadOnlyMemory<byte> frame) => frame.Span.CopyTo(_buffer);

    public ValueTask<FlushResult> FlushAsync(CancellationToken cancellationToken = default) => default;
}
