using Parley.Core.Presence;
using Parley.Protocols.Irc;

namespace Parley.FrontEnds.Irc.Commands;

/// <summary>
/// <c>PRIVMSG target[,target...] :text</c> and <c>NOTICE</c>: a Parley direct message to each
/// nick (at most TARGMAX = 4). PRIVMSG errors: 411 no recipient, 412 no text, 401 no such nick,
/// 403 for a channel (channels come with rooms), 407 too many targets; 301 when the recipient
/// is away. NOTICE never gets an error or away reply (RFC 2812 §3.3.2).
/// </summary>
internal sealed class MessageCommand(bool notice) : IIrcCommand
{
    /// <summary>Most targets in one message (TARGMAX in ISUPPORT).</summary>
    public const int MaxTargets = 4;

    public string Name => notice ? "NOTICE" : "PRIVMSG";
    public int MinParameters => 0;
    public bool AllowedBeforeRegistration => false;

    public ValueTask ExecuteAsync(IrcConnection connection, IrcMessage message)
    {
        if (message.GetParameter(0) is not { Length: > 0 } targetList)
        {
            if (!notice)
                connection.Numeric(IrcNumerics.ERR_NORECIPIENT, $"No recipient given ({Name})");
            return ValueTask.CompletedTask;
        }

        if (message.GetParameter(1) is not { Length: > 0 } rawText)
        {
            if (!notice)
                connection.Numeric(IrcNumerics.ERR_NOTEXTTOSEND, "No text to send");
            return ValueTask.CompletedTask;
        }

        var text = IrcText.FromClient(rawText);
        var targets = targetList.Split(',', StringSplitOptions.RemoveEmptyEntries);
        for (var i = 0; i < targets.Length; i++)
        {
            if (i == MaxTargets)
            {
                if (!notice)
                    connection.Numeric(IrcNumerics.ERR_TOOMANYTARGETS, targets[i], "Too many targets");
                break;
            }

            SendTo(connection, targets[i], text);
        }

        return ValueTask.CompletedTask;
    }

    private void SendTo(IrcConnection connection, string target, string text)
    {
        if (target.StartsWith('#'))
        {
            // Part 2 hook: channels are Parley rooms, delivered through the rooms' fan-out.
            if (!notice)
                connection.Numeric(IrcNumerics.ERR_NOSUCHCHANNEL, target, "No such channel");
            return;
        }

        var error = connection.Hub.SendDirect(connection.Session, target, text, notice, out var sent, out var recipient);
        if (error != ChatError.None)
        {
            if (!notice)
                connection.Numeric(IrcNumerics.ERR_NOSUCHNICK, target, "No such nick/channel");
            return;
        }

        // A message to oneself already arrived through the hub; echoing it would double it.
        if (connection.Has(IrcCapabilities.EchoMessage) && recipient != connection.Session)
            connection.Echo(sent!);
        if (!notice && recipient!.AwayMessage is { } away)
            connection.Numeric(IrcNumerics.RPL_AWAY, recipient.Nick ?? target, away);
    }
}
