namespace Parley.FrontEnds.Line;

/// <summary>A final reply waiting for its command's commit: <paramref name="Success"/> once it completes, <paramref name="Failure"/> if it faults.</summary>
/// <param name="Committed">The store's commit of the command's message.</param>
/// <param name="Success">The reply when it committed.</param>
/// <param name="Failure">The reply when storing failed.</param>
internal readonly record struct PendingLineReply(Task Committed, byte[] Success, byte[] Failure);
