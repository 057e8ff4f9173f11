using Parley.Protocols.Irc;

namespace Parley.FrontEnds.Irc.Commands;

/// <summary><c>USERHOST nick [nick...]</c> (at most 5): 302 with <c>nick=+user@host</c>, <c>-</c> when away.</summary>
internal sealed class UserhostCommand : IIrcCommand
{
    /// <summary>RFC 2812 §4.8: up to five nicks.</summary>
    private const int MaxNicks = 5;

    public string Name => "USERHOST";
    public int MinParameters => 1;
    public bool AllowedBeforeRegistration => false;

    public ValueTask ExecuteAsync(IrcConnection connection, IrcMessage message)
    {
        var replies = new List<string>();
        foreach (var nick in message.Parameters.SelectMany(p => p.Split(' ', StringSplitOptions.RemoveEmptyEntries)).Take(MaxNicks))
        {
            if (connection.Hub.FindByNick(nick) is { Nick: { } shown } user)
                replies.Add($"{shown}={(connection.Hub.AwayMessageOf(shown) is null ? '+' : '-')}{user.UserName}@{user.Host}");
        }

        connection.Numeric(IrcNumerics.RPL_USERHOST, string.Join(' ', replies));
        return ValueTask.CompletedTask;
    }
}
