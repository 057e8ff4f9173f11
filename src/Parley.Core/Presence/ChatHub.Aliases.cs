using System.Collections.Concurrent;
using Parley.Core.Events;
using Parley.Core.Sessions;

namespace Parley.Core.Presence;

public sealed partial class ChatHub
{
    // The nicks an account holds that are not its name (an IRC client that kept its nick at SASL),
    // by account id: copy-on-write arrays, read without locking when a message for the account is
    // routed. Most accounts have none, so routing costs one failed lookup.
    private readonly ConcurrentDictionary<long, OnlineNick[]> _aliases = new();

    private void AddAlias(OnlineNick holder) =>
        _aliases.AddOrUpdate(holder.AccountId!.Value, static (_, h) => [h], static (_, list, h) => [.. list, h], holder);

    private void RemoveAlias(OnlineNick holder)
    {
        var id = holder.AccountId!.Value;
        while (_aliases.TryGetValue(id, out var list))
        {
            if (Array.IndexOf(list, holder) < 0)
                return;
            if (list.Length == 1)
            {
                if (_aliases.TryRemove(new KeyValuePair<long, OnlineNick[]>(id, list)))
                    return;
                continue;
            }

            if (_aliases.TryUpdate(id, [.. list.Where(h => h != holder)], list))
                return;
        }
    }

    private OnlineNick[] AliasesOf(long accountId) => _aliases.TryGetValue(accountId, out var list) ? list : [];

    // Every session signed in to the account, under its name or another nick.
    private int AccountSessionCount(long accountId, string accountName)
    {
        var count = TryGetHolder(accountName, out var main) && main.AccountId == accountId ? main.Sessions.Length : 0;
        foreach (var alias in AliasesOf(accountId))
            count += alias.Sessions.Length;
        return count;
    }

    // A direct message for the account reaches the nicks it holds besides `except` too; each
    // alias gets its own instance addressed to its nick (IRC shows PRIVMSG <own nick>). Rare: no
    // allocation when the account has no alias.
    private int DeliverToAliases(long accountId, OnlineNick? except, DirectMessageEvent message)
    {
        if (!_aliases.TryGetValue(accountId, out var list))
            return 0;
        var count = 0;
        foreach (var alias in list)
        {
            if (alias == except)
                continue;
            DeliverAll(alias, new DirectMessageEvent(message.From, alias.Nick, message.Text)
            {
                Time = message.Time,
                FromAddress = message.FromAddress,
                IsNotice = message.IsNotice,
                MessageId = message.MessageId,
                FromAccount = message.FromAccount,
                ClientTags = message.ClientTags,
            });
            count++;
        }

        return count;
    }

    /// <summary>
    /// Every session signed in to the account <paramref name="accountId"/>, under its name or
    /// another nick (IRC clients keep the nick they chose at SASL).
    /// </summary>
    /// <param name="accountId">The account.</param>
    /// <param name="accountName">The account's name.</param>
    /// <returns>A snapshot; empty when the account is offline.</returns>
    public IReadOnlyList<ChatSession> FindAccountSessions(long accountId, string accountName)
    {
        ArgumentNullException.ThrowIfNull(accountName);
        var sessions = new List<ChatSession>();
        if (TryGetHolder(accountName, out var main) && main.AccountId == accountId)
            sessions.AddRange(main.Sessions);
        foreach (var alias in AliasesOf(accountId))
            sessions.AddRange(alias.Sessions);
        return sessions;
    }
}
