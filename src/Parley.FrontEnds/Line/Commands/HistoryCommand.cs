using System.Globalization;
using Parley.Core.Presence;
using Parley.Protocols.Line;

namespace Parley.FrontEnds.Line.Commands;

/// <summary>
/// <c>/history #room|&lt;nick&gt;|* [n] [before-id]</c>: stored messages as <c>HIST</c> data lines,
/// oldest first: a room's (members only; from <c>IRoomHistory</c>), the direct messages of the
/// logged-in account with a nick, or broadcasts (both from the message store).
/// </summary>
internal sealed class HistoryCommand : ILineCommand
{
    /// <summary>Messages shown when n is not given.</summary>
    public const int DefaultCount = 20;

    /// <summary>
    /// Most direct messages or broadcasts one call shows: 200 lines of at most 4 KiB fit the
    /// default outbound queue. Rooms have their own cap, <c>Parley:Rooms:MaxHistoryPage</c>.
    /// </summary>
    public const int MaxCount = 200;

    public string Name => "history";
    public string Usage => "/history #<room>|<nick>|* [n] [before-id]";
    public string Summary => $"show the last n (default {DefaultCount}) messages of a room, with a nick, or broadcasts (*); before-id pages back";
    public bool AllowedBeforeRegistration => false;
    public bool RequiresArguments => true;

    public async ValueTask ExecuteAsync(LineConnection connection, string arguments)
    {
        if (!TryParse(arguments, out var target, out var count, out var before))
        {
            connection.Reply(LineWriter.Error(LineErrorCodes.Syntax, $"usage: {Usage}"));
            return;
        }

        if (target.StartsWith('#'))
        {
            await RoomHistoryAsync(connection, target, count, before);
            return;
        }

        var withNick = target == LineWriter.BroadcastTarget ? null : target;
        if (withNick is not null && !NickRules.IsValid(withNick))
        {
            connection.Reply(ChatErrorReplies.InvalidNick);
            return;
        }

        count = Math.Min(count ?? DefaultCount, MaxCount);
        var (error, messages) = await connection.Hub.GetHistoryAsync(connection.Session, withNick, count.Value, before);
        if (error != ChatError.None)
        {
            connection.Reply(error == ChatError.NotLoggedIn ? ChatErrorReplies.NotLoggedIn : LineErrors.For(error));
            return;
        }

        foreach (var m in messages)
            connection.Reply(LineWriter.History(m.Id, m.SentUtc, m.From, m.To, LineText.Render(m.From, m.Text)));
        var what = withNick is null ? Counted.Of(messages.Count, "broadcast") : $"{Counted.Of(messages.Count, "message")} with {withNick}";
        connection.Reply(LineWriter.Ok($"{what}{Older(target, count.Value, messages.Count, messages.Count > 0 ? messages[0].Id : 0)}"));
    }

    private static async ValueTask RoomHistoryAsync(LineConnection connection, string room, int? wanted, long? before)
    {
        var rooms = connection.Rooms;
        var count = Math.Clamp(wanted ?? (rooms.Options.HistoryOnJoin is > 0 and var n ? n : DefaultCount), 1, rooms.Options.MaxHistoryPage);
        var result = await rooms.ReadHistoryAsync(connection.Session, room, count, before);
        if (result.Error != ChatError.None)
        {
            connection.Reply(LineErrors.For(result.Error, room));
            return;
        }

        RoomLines.SendHistory(connection, result.Messages);
        var messages = result.Messages;
        connection.Reply(LineWriter.Ok($"{Counted.Of(messages.Count, "message")} in {room}{Older(room, count, messages.Count, messages.Count > 0 ? messages[0].Id : 0)}"));
    }

    // A full page may have older messages before it: say how to ask for them.
    private static string Older(string target, int count, int got, long oldestId) =>
        got == count && got > 0 ? $"; older: /history {target} {count} {oldestId}" : "";

    // <target> [n] [before-id]; "before <id>" is accepted too (the rooms form).
    private static bool TryParse(string arguments, out string target, out int? count, out long? before)
    {
        var words = arguments.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
        target = words[0];
        count = null;
        before = null;
        var next = 1;
        if (next < words.Length && words[next] != "before")
        {
            if (!int.TryParse(words[next], NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n <= 0)
                return false;
            count = n;
            next++;
        }

        if (next < words.Length && words[next] == "before")
            next++;
        if (next < words.Length)
        {
            if (next + 1 != words.Length || !long.TryParse(words[next], NumberStyles.None, CultureInfo.InvariantCulture, out var id) || id <= 0)
                return false;
            before = id;
            next++;
        }

        return next == words.Length && (words.Length < 2 || words[^1] != "before");
    }
}
