using Parley.Core.Moderation;
using Parley.Core.Routing;
using Parley.Core.Sessions;

namespace Parley.Core.Presence;

public sealed partial class ChatHub
{
    /// <summary>
    /// Disconnects <paramref name="nick"/>, every connection of it (an account may have several);
    /// server operators only. Everyone sees it dropped with the reason.
    /// </summary>
    /// <param name="by">A server operator.</param>
    /// <param name="nick">Who to disconnect.</param>
    /// <param name="reason">Why, or null.</param>
    /// <param name="killed">The nick as shown, when done.</param>
    /// <returns><see cref="ChatError.None"/>, <see cref="ChatError.NotServerOperator"/> or <see cref="ChatError.NoSuchNick"/>.</returns>
    public ChatError Kill(ChatSession by, string nick, string? reason, out string? killed)
    {
        ArgumentNullException.ThrowIfNull(by);
        killed = null;
        if (!Operators.IsOperator(by))
            return ChatError.NotServerOperator;
        if (!TryGetHolder(nick, out var holder) || holder.Sessions.Length == 0)
            return ChatError.NoSuchNick;
        killed = holder.Nick;
        var notice = reason is null ? $"killed by {by.Nick}" : $"killed by {by.Nick}: {reason}";
        Router.Close(Audience.OfNick(holder), notice);
        return ChatError.None;
    }

    /// <summary>
    /// Closes the sessions holding <paramref name="nick"/> but <paramref name="except"/> (NickServ
    /// <c>GHOST</c>, <c>DROP</c>); the caller has checked the right to. Others see them drop with the reason.
    /// </summary>
    /// <param name="nick">The nick, any case.</param>
    /// <param name="except">A session to keep open, or null.</param>
    /// <param name="reason">Why, shown as the drop reason.</param>
    /// <returns>How many sessions were closed.</returns>
    public int CloseSessions(string nick, ChatSession? except, string reason) =>
        FindHolder(nick) is { } holder ? Router.Close(Audience.OfNick(holder, except), reason) : 0;

    /// <summary>
    /// Closes every session signed in to the account but <paramref name="except"/>, under its name
    /// or another nick (NickServ <c>GHOST</c>, <c>DROP</c>); the caller has checked the right to.
    /// </summary>
    /// <param name="accountId">The account.</param>
    /// <param name="accountName">The account's name.</param>
    /// <param name="except">A session to keep open, or null.</param>
    /// <param name="reason">Why, shown as the drop reason.</param>
    /// <returns>How many sessions were closed.</returns>
    public int CloseAccountSessions(long accountId, string accountName, ChatSession? except, string reason)
    {
        ArgumentNullException.ThrowIfNull(accountName);
        var holder = FindHolder(accountName) is { } main && main.AccountId == accountId ? main : null;
        return Router.Close(Audience.OfAccount(holder, AliasesOf(accountId), except), reason);
    }

    /// <summary>Closes the sessions holding <paramref name="nick"/> when they are signed in to <paramref name="accountId"/> (an operator's drop).</summary>
    internal int CloseAccountNick(string nick, long accountId, string reason) =>
        FindHolder(nick) is { AccountId: { } id } holder && id == accountId ? Router.Close(Audience.OfNick(holder), reason) : 0;

    /// <summary>
    /// Bans an address mask or an account (<c>~name</c>) server-wide; server operators only. New
    /// connections from a banned address are closed at once, a banned account may not log in or be
    /// registered, and the connections covered now are disconnected, except server operators'.
    /// </summary>
    /// <param name="by">A server operator.</param>
    /// <param name="mask">An address or wildcard mask, or <c>~</c> and an account mask (<see cref="ServerBan"/>).</param>
    /// <param name="reason">Why, or null.</param>
    /// <param name="disconnected">How many open connections were closed.</param>
    /// <returns><see cref="ChatError.None"/> (also when the mask was banned already), or why not.</returns>
    public ChatError BanAddress(ChatSession by, string mask, string? reason, out int disconnected)
    {
        ArgumentNullException.ThrowIfNull(by);
        ArgumentNullException.ThrowIfNull(mask);
        disconnected = 0;
        if (!Operators.IsOperator(by))
            return ChatError.NotServerOperator;
        if (!ServerBan.IsValid(mask))
            return ChatError.InvalidMask;
        var ban = new ServerBan(mask, by.Nick!, _time.GetUtcNow(), reason);
        if (!ServerBans.TryAdd(ban) && ServerBans.Bans.Count >= ServerBanList.MaxBans)
            return ChatError.InvalidMask;
        foreach (var (_, session) in _sessions)
        {
            if (IsCovered(ban, session) && !Operators.IsOperator(session))
            {
                Router.Close(Audience.Of(session), BannedNotice(ban));
                disconnected++;
            }
        }

        return ChatError.None;
    }

    /// <summary>Whether the account named <paramref name="account"/> is banned server-wide (operators' accounts never are).</summary>
    /// <param name="account">An account's name, any case.</param>
    /// <returns>True when a ban by account covers it.</returns>
    public bool IsAccountBanned(string account)
    {
        ArgumentNullException.ThrowIfNull(account);
        return FindAccountBan(account) is not null;
    }

    /// <summary>Lifts a server-wide ban; server operators only.</summary>
    /// <param name="by">A server operator.</param>
    /// <param name="mask">The mask as set (any case).</param>
    /// <returns><see cref="ChatError.None"/> (also when there was no such ban), or <see cref="ChatError.NotServerOperator"/>.</returns>
    public ChatError UnbanAddress(ChatSession by, string mask)
    {
        ArgumentNullException.ThrowIfNull(by);
        if (!Operators.IsOperator(by))
            return ChatError.NotServerOperator;
        ServerBans.TryRemove(mask);
        return ChatError.None;
    }

    private static bool IsCovered(ServerBan ban, ChatSession session) =>
        ban.IsAccountBan
            ? session.Presence is { AccountId: not null } signedIn && ban.MatchesAccount(signedIn.AccountName!)
            : ban.Matches(session.Address);

    // Operators' accounts are never refused, so a mistaken "/serverban ~*" cannot lock them out.
    private ServerBan? FindAccountBan(string account) =>
        Operators.IsOperatorAccount(account) ? null : ServerBans.FindAccountMatch(account);

    private static string BannedNotice(ServerBan ban) =>
        ban.Reason is null ? "banned from this server" : $"banned from this server: {ban.Reason}";
}
