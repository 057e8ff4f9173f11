using System.Globalization;
using Parley.Core.Presence;
using Parley.Protocols.Line;

namespace Parley.FrontEnds.Line.Commands;

/// <summary>
/// <c>/history &lt;nick&gt;|* [n] [before-id]</c>: the last n (default 20, at most 200) direct
/// messages with a nick, or broadcasts, as <c>HIST</c> data lines, oldest first.
/// </summary>
internal sealed class HistoryCommand : ILineCommand
{
    /// <summary>Messages shown when n is not given.</summary>
    public const int DefaultCount = 20;

    /// <summary>Most messages one call shows: 200 lines of at most 4 KiB fit the default outbound queue.</summary>
    public const int MaxCount = 200;

    private static readonly byte[] UsageError = LineWriter.Error(LineErrorCodes.Syntax, "usage: /history <nick>|* [n 1-200] [before-id]");

    public string Name => "history";
    public string Usage => "/history <nick>|* [n] [before-id]";
    public string Summary => $"show the last n (default {DefaultCount}, max {MaxCount}) messages with a nick, or broadcasts (*)";
    public bool AllowedBeforeRegistration => false;
    public bool RequiresArguments => true;

    public async ValueTask ExecuteAsync(LineConnection connection, string arguments)
    {
        var parts = arguments.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
        var target = parts[0];
        var count = DefaultCount;
        long? before = null;
        if (parts.Length > 3
            || (parts.Length > 1 && !TryParsePositive(parts[1], out count))
            || (parts.Length > 2 && !TryParseId(parts[2], out before)))
        {
            connection.Reply(UsageError);
            return;
        }

        var withNick = target == LineWriter.BroadcastTarget ? null : target;
        if (withNick is not null && !NickRules.IsValid(withNick))
        {
            connection.Reply(ChatErrorReplies.InvalidNick);
            return;
        }

        count = Math.Min(count, MaxCount);
        var (error, messages) = await connection.Hub.GetHistoryAsync(connection.Session, withNick, count, before);
        if (error != ChatError.None)
        {
            connection.Reply(ChatErrorReplies.NotLoggedIn);
            return;
        }

        foreach (var m in messages)
            connection.Reply(LineWriter.History(m.Id, m.SentUtc, m.From, m.To, m.Text));
        var what = withNick is null ? "broadcasts" : $"messages with {withNick}";
        var more = messages.Count == count ? $"; older: /history {target} {count} {messages[0].Id}" : "";
        connection.Reply(LineWriter.Ok($"{messages.Count} {what}{more}"));
    }

    private static bool TryParsePositive(string text, out int value) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value) && value > 0;

    private static bool TryParseId(string text, out long? value)
    {
        var ok = long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0;
        value = id;
        return ok;
    }
}
