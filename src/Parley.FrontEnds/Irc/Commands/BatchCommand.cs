using Parley.FrontEnds.Irc.Services;
using Parley.Protocols.Irc;

namespace Parley.FrontEnds.Irc.Commands;

/// <summary>
/// A client batch, <c>draft/multiline</c> only (ircv3.net/specs/extensions/multiline):
/// <c>BATCH +id draft/multiline &lt;target&gt;</c> opens it, <c>@batch=id PRIVMSG|NOTICE
/// &lt;target&gt; :line</c> lines fill it (<see cref="AddLine"/>), <c>BATCH -id</c> sends the
/// lines as ONE message through the ordinary PRIVMSG/NOTICE path: stored once, lines joined with
/// <c>\n</c>. Errors are the spec's <c>FAIL BATCH MULTILINE_MAX_BYTES|MULTILINE_MAX_LINES|
/// MULTILINE_INVALID_TARGET|MULTILINE_INVALID</c>, sent at the batch's end; nothing is delivered then.
/// </summary>
/// <remarks>
/// One batch open at a time per connection; opening a second fails the first (and the second).
/// The message's delivery errors (404, 401...) and echo are a PRIVMSG's. A NOTICE batch never
/// gets delivery errors, as NOTICE never does (RFC 2812 §3.3.2).
/// </remarks>
internal sealed class BatchCommand : IIrcCommand
{
    /// <summary>The only client batch type Parley accepts.</summary>
    public const string MultilineType = "draft/multiline";

    public string Name => "BATCH";
    public int MinParameters => 1;
    public bool AllowedBeforeRegistration => false;

    public async ValueTask ExecuteAsync(IrcConnection connection, IrcMessage message)
    {
        var reference = message.Parameters[0];
        if (!connection.Has(IrcCapabilities.Multiline) || reference.Length < 2 || reference[0] is not ('+' or '-'))
        {
            connection.FromServer("FAIL", "BATCH", "MULTILINE_INVALID", "Invalid multiline batch");
            return;
        }

        var id = reference[1..];
        if (reference[0] == '+')
        {
            Open(connection, message, id);
            return;
        }

        if (connection.MultilineBatch is not { } batch || batch.Id != id)
        {
            connection.FromServer("FAIL", "BATCH", "MULTILINE_INVALID", "Invalid multiline batch");
            return;
        }

        connection.MultilineBatch = null;
        if (batch.Error is null && (batch.Command is null || !batch.HasContent))
            batch.Fail("MULTILINE_INVALID", "Multiline batch has no content");
        if (batch.Error is { } error)
        {
            connection.FromServer("FAIL", ["BATCH", .. error]);
            return;
        }

        await MessageCommand.SendWholeAsync(connection, batch.Command == "NOTICE", batch.Target, batch.Text, [.. batch.ClientTags]);
    }

    /// <summary>A <c>PRIVMSG</c> or <c>NOTICE</c> tagged with the open batch's id: one line of it; any other command so tagged fails it.</summary>
    public static void AddLine(IrcConnection connection, IrcMultilineBatch batch, IrcMessage message)
    {
        if (message.Command is not ("PRIVMSG" or "NOTICE"))
        {
            batch.Fail("MULTILINE_INVALID", "Multiline batch holds a " + message.Command);
            return;
        }

        batch.Add(message.Command, message.GetParameter(0) ?? "", IrcText.FromClient(message.GetParameter(1) ?? ""),
            message.TryGetTag(IrcMultilineBatch.ConcatTag, out _));
    }

    private static void Open(IrcConnection connection, IrcMessage message, string id)
    {
        if (connection.MultilineBatch is { } open)
        {
            // One open batch at a time: both are dropped.
            connection.MultilineBatch = null;
            connection.FromServer("FAIL", "BATCH", "MULTILINE_INVALID", "Multiline batch " + open.Id + " is still open");
            return;
        }

        if (message.GetParameter(1) != MultilineType || message.GetParameter(2) is not { Length: > 0 } target)
        {
            connection.FromServer("FAIL", "BATCH", "MULTILINE_INVALID", "Invalid multiline batch");
            return;
        }

        var batch = new IrcMultilineBatch(id, target, MessageCommand.ClientTags(message));
        // One target (TARGMAX does not apply), never a service: a request is one line.
        if (target.Contains(',', StringComparison.Ordinal) || IrcServices.Find(target) is not null)
            batch.Fail("MULTILINE_INVALID_TARGET", target, target, "Invalid multiline target");
        connection.MultilineBatch = batch;
    }
}
