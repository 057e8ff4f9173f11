using Parley.Core.Accounts;
using Parley.Core.Messages;

namespace Parley.Benchmarks.FanOut;

/// <summary>An account store with no accounts: every member is a guest.</summary>
internal sealed class NoAccounts : IAccountStore
{
    public ValueTask<Account?> FindAsync(string nick, CancellationToken cancellationToken = default) => ValueTask.FromResult<Account?>(null);

    public ValueTask<Account?> CreateAsync(string nick, string passwordHash, DateTimeOffset createdUtc, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException();

    public ValueTask UpdatePasswordHashAsync(long accountId, string passwordHash, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException();

    public ValueTask<Account?> FindByIdAsync(long accountId, CancellationToken cancellationToken = default) => ValueTask.FromResult<Account?>(null);

    public ValueTask<bool> DeleteAsync(long accountId, CancellationToken cancellationToken = default) => throw new NotSupportedException();
}

/// <summary>A message store that keeps nothing: room fan-out never touches it.</summary>
internal sealed class NoMessages : IMessageStore
{
    private long _lastId;

    public MessageReceipt Append(NewMessage message) =>
        new(new ChatMessage(Interlocked.Increment(ref _lastId), message.SentUtc, message.Kind, message.From, message.To, message.Text), Task.CompletedTask);

    public Task FlushAsync(CancellationToken cancellationToken = default) => Task.CompletedTask;

    public ValueTask<IReadOnlyList<ChatMessage>> GetUndeliveredAsync(long accountId, int limit, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult<IReadOnlyList<ChatMessage>>([]);

    public ValueTask<int> CountUndeliveredAsync(long accountId, CancellationToken cancellationToken = default) => ValueTask.FromResult(0);

    public Task MarkDeliveredAsync(long accountId, long throughId) => Task.CompletedTask;

    public ValueTask<IReadOnlyList<ChatMessage>> GetHistoryAsync(HistoryQuery query, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult<IReadOnlyList<ChatMessage>>([]);
}
