using Parley.Core.Accounts;
using Parley.Core.Accounts.Throttling;
using Parley.Core.Events;
using Parley.Core.Messages;
using Parley.Core.Sessions;

namespace Parley.Core.Tests;

internal sealed class MemoryAccountStore : IAccountStore
{
    private readonly Dictionary<string, Account> _byNick = new(StringComparer.OrdinalIgnoreCase);

    private long _lastId;

    public int Lookups { get; private set; }

    public ValueTask<bool> DeleteAsync(long accountId, CancellationToken cancellationToken = default)
    {
        lock (_byNick)
        {
            var account = _byNick.Values.SingleOrDefault(a => a.Id == accountId);
            return ValueTask.FromResult(account is not null && _byNick.Remove(account.Nick));
        }
    }

    public ValueTask<Account?> FindAsync(string nick, CancellationToken cancellationToken = default)
    {
        Lookups++;
        lock (_byNick)
            return ValueTask.FromResult(_byNick.GetValueOrDefault(nick));
    }

    public ValueTask<Account?> FindByIdAsync(long accountId, CancellationToken cancellationToken = default)
    {
        lock (_byNick)
            return ValueTask.FromResult(_byNick.Values.SingleOrDefault(a => a.Id == accountId));
    }

    public ValueTask<Account?> CreateAsync(string nick, string passwordHash, DateTimeOffset createdUtc, CancellationToken cancellationToken = default)
    {
        lock (_byNick)
        {
            if (_byNick.ContainsKey(nick))
                return ValueTask.FromResult<Account?>(null);
            var account = new Account(++_lastId, nick, passwordHash, createdUtc);
            _byNick[nick] = account;
            return ValueTask.FromResult<Account?>(account);
        }
    }

    public ValueTask UpdatePasswordHashAsync(long accountId, string passwordHash, CancellationToken cancellationToken = default)
    {
        lock (_byNick)
        {
            var account = _byNick.Values.Single(a => a.Id == accountId);
            _byNick[account.Nick] = account with { PasswordHash = passwordHash };
        }

        return ValueTask.CompletedTask;
    }
}

internal sealed class MemoryMessageStore : IMessageStore
{
    private readonly List<(ChatMessage Message, long? ToAccount, bool Delivered)> _messages = [];

    public MessageReceipt Append(NewMessage message)
    {
        lock (_messages)
        {
            var stored = new ChatMessage(_messages.Count + 1, message.SentUtc, message.Kind, message.From, message.To, message.Text);
            _messages.Add((stored, message.ToAccountId, message.Delivered));
            return new MessageReceipt(stored, Task.CompletedTask);
        }
    }

    public Task FlushAsync(CancellationToken cancellationToken = default) => Task.CompletedTask;

    public ValueTask<IReadOnlyList<ChatMessage>> GetUndeliveredAsync(long accountId, int limit, CancellationToken cancellationToken = default)
    {
        lock (_messages)
            return ValueTask.FromResult<IReadOnlyList<ChatMessage>>([.. _messages.Where(m => m.ToAccount == accountId && !m.Delivered).Take(limit).Select(m => m.Message)]);
    }

    public ValueTask<int> CountUndeliveredAsync(long accountId, CancellationToken cancellationToken = default)
    {
        lock (_messages)
            return ValueTask.FromResult(_messages.Count(m => m.ToAccount == accountId && !m.Delivered));
    }

    public Task MarkDeliveredAsync(long accountId, long throughId)
    {
        lock (_messages)
        {
            for (var i = 0; i < _messages.Count; i++)
            {
                if (_messages[i].ToAccount == accountId && _messages[i].Message.Id <= throughId)
                    _messages[i] = _messages[i] with { Delivered = true };
            }
        }

        return Task.CompletedTask;
    }

    public ValueTask<IReadOnlyList<ChatMessage>> GetHistoryAsync(HistoryQuery query, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException();
}

/// <summary>"Hashes" by prefixing; counts verifications so tests can see the dummy hash used.</summary>
internal sealed class FakeHashing(string prefix = "v2:") : IPasswordHashing
{
    public int Verifications { get; private set; }

    public string Hash(string password) => prefix + password;

    public PasswordCheck Verify(string hash, string password)
    {
        Verifications++;
        if (hash[(hash.IndexOf(':', StringComparison.Ordinal) + 1)..] != password)
            return PasswordCheck.Failed;
        return hash.StartsWith(prefix, StringComparison.Ordinal) ? PasswordCheck.Success : PasswordCheck.SuccessRehashNeeded;
    }
}

internal sealed class FakeThrottle : ILoginThrottle
{
    public List<string> Failures { get; } = [];

    public TimeSpan? Blocked { get; set; }

    public LoginReservation Reserve(string account, string remoteAddress) =>
        Blocked is { } wait ? LoginReservation.Refused(wait) : new LoginReservation(true, TimeSpan.Zero, TimeSpan.Zero, account, remoteAddress);

    public void Complete(LoginReservation reservation, bool failed)
    {
        if (failed)
            Failures.Add(reservation.AccountKey);
    }
}
