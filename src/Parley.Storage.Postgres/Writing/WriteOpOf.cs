namespace Parley.Storage.Postgres.Writing;

/// <summary>A write whose completion carries a result set by <see cref="WriteOp.Execute"/>.</summary>
/// <typeparam name="T">The result's type.</typeparam>
internal abstract class WriteOp<T> : WriteOp
{
    // Continuations run where the completion runs: on the thread pool, in the batch's
    // WriteCompletions work item, never on the writer thread.
    private readonly TaskCompletionSource<T> _completion = new();

    public override Task Completion => _completion.Task;

    /// <summary>The typed completion.</summary>
    public Task<T> Result => _completion.Task;

    /// <summary>The result to complete with, set by <see cref="WriteOp.Execute"/>.</summary>
    protected T Value { get; set; } = default!;

    public override void Complete() => _completion.TrySetResult(Value);

    public override void Fail(Exception error) => _completion.TrySetException(error);
}
