using Parley.Core.Events;
using Parley.Core.Presence;

namespace Parley.FrontEnds.Irc;

/// <summary>
/// A direct message to oneself: the core delivers it to the sender's own session at once, but
/// IRC clients expect it as the command's reply (IRCv3 labeled-response: one labeled copy; with
/// echo-message, the echo and the delivery). So the connection keeps that delivery back while its
/// own send runs, and the command sends it after the commit.
/// </summary>
internal sealed partial class IrcConnection
{
    // True while this connection's own direct send runs (read loop only writes it; Deliver reads it).
    private volatile bool _sendingDirect;
    private DirectMessageEvent? _ownSelfMessage;

    /// <summary>Sends a direct message; when it goes to oneself, returns this connection's copy of it, held back.</summary>
    public async ValueTask<(SendResult Result, DirectMessageEvent? ToSelf)> SendDirectAsync(
        string target, string text, bool notice, IReadOnlyList<KeyValuePair<string, string>> clientTags)
    {
        _sendingDirect = true;
        SendResult result;
        try
        {
            result = await Hub.SendDirectAsync(_session, target, text, notice, clientTags);
        }
        finally
        {
            _sendingDirect = false;
        }

        var held = Interlocked.Exchange(ref _ownSelfMessage, null);
        if (held is null || ReferenceEquals(held, result.Message))
            return (result, held);
        // Another device's message to the account arrived meanwhile: it is not this command's.
        DeliverCore(held, hold: true);
        return (result, null);
    }

    private bool IsToSelf(DirectMessageEvent dm) =>
        _session.Nick is { } nick && NickRules.Comparer.Equals(dm.From, nick) && NickRules.Comparer.Equals(dm.To, nick);
}
