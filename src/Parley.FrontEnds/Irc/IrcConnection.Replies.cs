using System.Globalization;
using Parley.Core.Events;
using Parley.Protocols.Irc;

namespace Parley.FrontEnds.Irc;

/// <summary>
/// Replies and labeled-response (IRCv3): while a command with a <c>label</c> tag runs, its
/// replies are kept in a buffer (Ergo's ResponseBuffer) and sent when it ends: one reply gets
/// the label, several are wrapped in a <c>labeled-response</c> batch, none gives
/// <c>ACK</c>. Without a label, replies go out at once.
/// </summary>
internal sealed partial class IrcConnection
{
    private readonly List<IrcMessage> _replies = [];
    private string? _label;
    private int _lastBatchId;

    /// <summary>Queues a reply to this connection (buffered while a labeled command runs).</summary>
    public void Reply(IrcMessage message)
    {
        if (_label is not null)
            _replies.Add(message);
        else
            SendNow(message);
    }

    /// <summary>Replies with a numeric from the server: <c>:server NNN nick params...</c>, nick being <c>*</c> before registration.</summary>
    public void Numeric(string numeric, params IEnumerable<string> parameters) =>
        Reply(new IrcMessage(ServerName, numeric, [_session.Nick ?? "*", .. parameters]));

    /// <summary>True while the running command's replies are buffered for its <c>label</c>.</summary>
    public bool IsLabeled => _label is not null;

    /// <summary>A numeric sent at once, bypassing the label buffer (confirmations after a commit).</summary>
    public void NumericNow(string numeric, params IEnumerable<string> parameters) =>
        SendNow(new IrcMessage(ServerName, numeric, [_session.Nick ?? "*", .. parameters]));

    /// <summary>An echo (echo-message) sent at once, bypassing the label buffer and any hold.</summary>
    public void EchoNow(ChatEvent message) => DeliverCore(message, hold: false);

    /// <summary>Replies with a message from the server: <c>:server COMMAND params...</c>.</summary>
    public void FromServer(string command, params IEnumerable<string> parameters) =>
        Reply(new IrcMessage(ServerName, command, parameters));

    /// <summary>
    /// Echoes a message this user sent (echo-message): the very bytes the recipient got when no
    /// label is in play, otherwise the same lines with the label, through the reply buffer.
    /// </summary>
    public void Echo(ChatEvent message)
    {
        if (_label is null)
        {
            Deliver(message);
            return;
        }

        _replies.AddRange(IrcEventEncoder.ToTaggedMessages(ServerName, message, EventTags));
    }

    /// <summary>Sends at once, bypassing the label buffer (timers, errors outside a command).</summary>
    public void SendNow(IrcMessage message)
    {
        if (Volatile.Read(ref _closing) == 0)
            Enqueue(IrcMessageFormatter.Format(message));
    }

    /// <summary>A batch reference unique on this connection: <paramref name="prefix"/> and a number.</summary>
    public string NextBatchId(char prefix) => prefix + (++_lastBatchId).ToString(CultureInfo.InvariantCulture);

    private void BeginCommand(IrcMessage message)
    {
        _replies.Clear();
        _label = Has(IrcCapabilities.LabeledResponse) && message.TryGetTag("label", out var label) && label.Length > 0
            ? label
            : null;
    }

    private void EndCommand()
    {
        if (_label is not { } label)
            return;
        _label = null;
        var labelTag = new IrcTag("label", label);
        switch (_replies.Count)
        {
            case 0:
                SendNow(new IrcMessage(ServerName, "ACK").WithTags([labelTag]));
                break;
            case 1:
                SendNow(_replies[0].WithTags([.. _replies[0].Tags, labelTag]));
                break;
            default:
                if (!Has(IrcCapabilities.Batch))
                {
                    // labeled-response needs batch for several replies; without it, no label.
                    _replies.ForEach(SendNow);
                    break;
                }

                var id = NextBatchId('L');
                SendNow(new IrcMessage(ServerName, "BATCH", "+" + id, "labeled-response").WithTags([labelTag]));
                // Lines inside a batch of the command's own (CHATHISTORY) keep theirs: only that
                // batch's BATCH lines are tagged with the outer one (nested batches, IRCv3 batch).
                foreach (var reply in _replies)
                    SendNow(reply.TryGetTag("batch", out _) ? reply : reply.WithTags([.. reply.Tags, new IrcTag("batch", id)]));
                SendNow(new IrcMessage(ServerName, "BATCH", "-" + id));
                break;
        }

        _replies.Clear();
    }
}
