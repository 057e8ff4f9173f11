using System.Buffers;
using System.IO.Pipelines;
using Parley.FrontEnds.Connections;

namespace Parley.Server.IntegrationTests.Connections;

/// <summary>Frames written as they are into a byte buffer (a pipe's writer is flushed too), as a byte-stream transport writes them.</summary>
internal sealed class BufferFrameWriter(IBufferWriter<byte> output) : IFrameWriter
{
    public void WriteFrame(ReadOnlyMemory<byte> frame) => output.Write(frame.Span);

    public ValueTask<FlushResult> FlushAsync(CancellationToken cancellationToken = default) =>
        output is PipeWriter pipe ? pipe.FlushAsync(cancellationToken) : default;
}
