using System.Globalization;
using Parley.Core.Presence;
using Parley.Protocols.Irc;

namespace Parley.FrontEnds.Irc.History;

/// <summary>
/// <c>CHATHISTORY TARGETS timestamp=&lt;a&gt; timestamp=&lt;b&gt; &lt;limit&gt;</c> (IRCv3
/// draft/chathistory, "TARGETS"): the conversations with messages between the two times, one
/// <c>CHATHISTORY TARGETS &lt;target&gt; &lt;time of its latest message&gt;</c> line each, oldest
/// first, in a <c>draft/chathistory-targets</c> batch (the lines alone without <c>batch</c>).
/// Direct-message partners need a logged-in account; rooms are the ones the session is in.
/// </summary>
internal static class HistoryTargetsReply
{
    /// <summary>Answers TARGETS; <paramref name="parameters"/> are the command's, TARGETS first.</summary>
    public static async ValueTask SendAsync(IrcConnection connection, IReadOnlyList<string> parameters, int maxLimit)
    {
        if (parameters.Count < 4)
        {
            Fail(connection, "NEED_MORE_PARAMS", "TARGETS", "Insufficient parameters");
            return;
        }

        // Both ends are timestamps: a msgid belongs to one conversation, TARGETS spans them all.
        if (!HistoryReference.TryParse(parameters[1], allowStar: false, out var first) || first.Time is not { } from
            || !HistoryReference.TryParse(parameters[2], allowStar: false, out var second) || second.Time is not { } to
            || !int.TryParse(parameters[3], NumberStyles.None, CultureInfo.InvariantCulture, out var limit) || limit < 1)
        {
            Fail(connection, "INVALID_PARAMS", "TARGETS", "Invalid parameters");
            return;
        }

        IReadOnlyList<Core.Messages.HistoryTarget> targets;
        try
        {
            ChatError error;
            (error, targets) = await connection.Hub.GetHistoryTargetsAsync(connection.Session, from, to, Math.Min(limit, maxLimit));
            if (error != ChatError.None)
                targets = [];
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The store has logged it; the client is told no more than that.
            Fail(connection, "MESSAGE_ERROR", "TARGETS", "*", "Messages could not be retrieved");
            return;
        }

        var batch = connection.Has(IrcCapabilities.Batch) ? connection.NextBatchId('H') : null;
        if (batch is not null)
            connection.Reply(new IrcMessage(connection.ServerName, "BATCH", "+" + batch, "draft/chathistory-targets"));
        foreach (var target in targets)
        {
            var line = new IrcMessage(connection.ServerName, "CHATHISTORY", "TARGETS", target.Name, IrcText.FormatTime(target.Latest));
            connection.Reply(batch is null ? line : line.WithTags([new IrcTag("batch", batch)]));
        }

        if (batch is not null)
            connection.Reply(new IrcMessage(connection.ServerName, "BATCH", "-" + batch));
    }

    private static void Fail(IrcConnection connection, string code, params string[] context) =>
        connection.FromServer("FAIL", ["CHATHISTORY", code, .. context]);
}
