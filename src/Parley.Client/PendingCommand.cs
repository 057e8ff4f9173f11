using Parley.Protocols.Line;

namespace Parley.Client;

/// <summary>A command sent and waiting for its final reply; collects its data lines meanwhile.</summary>
internal sealed class PendingCommand
{
    private readonly List<ServerLine> _data = [];

    public TaskCompletionSource<CommandReply> Completion { get; } =
        new(TaskCreationOptions.RunContinuationsAsynchronously);

    public void AddData(ServerLine line) => _data.Add(line);

    public void Complete(ServerLine final) => Completion.TrySetResult(new CommandReply(final, _data.ToArray()));
}
