using System.IO.Pipelines;

namespace Parley.Server.IntegrationTests.Connections;

/// <summary>One side of an in-memory connection: what it reads and what it writes.</summary>
internal sealed record PipePair(PipeReader Input, PipeWriter Output) : IDuplexPipe;
