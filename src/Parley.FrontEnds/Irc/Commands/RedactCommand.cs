using Parley.Core.Presence;
using Parley.Protocols.Irc;

namespace Parley.FrontEnds.Irc.Commands;

/// <summary>
/// <c>REDACT &lt;target&gt; &lt;msgid&gt; [:reason]</c> (ircv3.net/specs/extensions/message-redaction):
/// removes a message from history (CHATHISTORY, the auto-replay on JOIN and the line protocol's
/// <c>/history</c> no longer return it) and relays <c>:nick!u@h REDACT &lt;target&gt; &lt;msgid&gt; [:reason]</c>
/// to the recipients with <c>draft/message-redaction</c>, the redactor included; others get no
/// fallback (the spec's "Fallback" leaves it open; the message they saw stays on their screens).
/// In a channel: the author, the channel's operators and server operators; a direct message: its
/// author (logged in).
/// </summary>
/// <remarks>
/// Errors (the spec's "Errors"): <c>FAIL REDACT INVALID_TARGET &lt;target&gt;</c> (not a channel one is
/// on, a guest's direct messages), <c>UNKNOWN_MSGID &lt;target&gt; &lt;msgid&gt;</c> (no such message in
/// that conversation: nothing is said of others), <c>REDACT_FORBIDDEN &lt;target&gt; &lt;msgid&gt;</c>,
/// <c>NEED_MORE_PARAMS</c>.
/// </remarks>
internal sealed class RedactCommand : IIrcCommand
{
    /// <summary>Longest reason kept, in bytes (as KICKLEN): longer ones are cut.</summary>
    public const int MaxReasonBytes = 390;

    public string Name => "REDACT";
    public int MinParameters => 0;
    public bool AllowedBeforeRegistration => false;

    public async ValueTask ExecuteAsync(IrcConnection connection, IrcMessage message)
    {
        if (message.Parameters.Length < 2)
        {
            connection.FromServer("FAIL", "REDACT", "NEED_MORE_PARAMS", "Not enough parameters");
            return;
        }

        var target = message.Parameters[0];
        var msgid = message.Parameters[1];
        var reason = message.GetParameter(2) is { Length: > 0 } given ? IrcText.Truncate(IrcText.FromClient(given), MaxReasonBytes) : null;
        if (!IrcEventTagger.TryParseMessageId(msgid, out var id) || msgid.Contains('.', StringComparison.Ordinal))
        {
            connection.FromServer("FAIL", "REDACT", "UNKNOWN_MSGID", target, msgid, "This message does not exist or is too old");
            return;
        }

        ChatError error;
        try
        {
            error = target.StartsWith('#')
                ? await connection.Hub.Rooms.RedactAsync(connection.Session, target, id, reason)
                : NickRules.IsValid(target) ? await connection.Hub.RedactDirectAsync(connection.Session, target, id, reason) : ChatError.NoSuchNick;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The store has logged it; nothing was relayed.
            connection.FromServer("FAIL", "REDACT", "UNKNOWN_MSGID", target, msgid, "This message could not be deleted");
            return;
        }

        switch (error)
        {
            case ChatError.None:
                break;
            case ChatError.NoSuchMessage:
                connection.FromServer("FAIL", "REDACT", "UNKNOWN_MSGID", target, msgid, "This message does not exist or is too old");
                break;
            case ChatError.NotMessageAuthor:
                connection.FromServer("FAIL", "REDACT", "REDACT_FORBIDDEN", target, msgid, "You are not authorised to delete this message");
                break;
            default:
                connection.FromServer("FAIL", "REDACT", "INVALID_TARGET", target, $"You cannot delete messages from {target}");
                break;
        }
    }
}
