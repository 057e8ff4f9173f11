using Parley.Core.Presence;
using Parley.FrontEnds.Irc.History;
using Parley.Protocols.Irc;

namespace Parley.FrontEnds.Irc.Commands;

/// <summary>
/// <c>MARKREAD &lt;target&gt; [timestamp=...]</c> (ircv3.net/specs/extensions/read-marker): gets or
/// sets the logged-in account's read marker for a nick or channel; the answer is
/// <c>:parley MARKREAD &lt;target&gt; timestamp=...</c> (<c>*</c> when none is set). A marker never
/// moves backwards: an older time is answered with the stored one ("Read timestamp notes"), and a
/// time in the future is taken as now. When it moves, the account's other connections with
/// <c>draft/read-marker</c> get the same line.
/// </summary>
/// <remarks>
/// Errors are the spec's standard replies: <c>FAIL MARKREAD NEED_MORE_PARAMS</c>,
/// <c>INVALID_PARAMS</c> (not a nick or channel, a bad timestamp or <c>*</c> when setting),
/// <c>INTERNAL_ERROR</c> (a guest: markers are an account's; or the store failed).
/// </remarks>
internal sealed class MarkReadCommand : IIrcCommand
{
    public string Name => "MARKREAD";
    public int MinParameters => 0;
    public bool AllowedBeforeRegistration => false;

    public async ValueTask ExecuteAsync(IrcConnection connection, IrcMessage message)
    {
        if (message.GetParameter(0) is not { Length: > 0 } target)
        {
            connection.FromServer("FAIL", "MARKREAD", "NEED_MORE_PARAMS", "Missing parameters");
            return;
        }

        DateTimeOffset? wanted = null;
        if (message.GetParameter(1) is { } given)
        {
            if (!given.StartsWith("timestamp=", StringComparison.Ordinal)
                || !HistoryReference.TryParse(given, allowStar: false, out var reference) || reference.Time is not { } time)
            {
                connection.FromServer("FAIL", "MARKREAD", "INVALID_PARAMS", given, "Invalid parameters");
                return;
            }

            wanted = time;
        }

        ChatError error;
        DateTimeOffset? marker;
        try
        {
            (error, marker) = wanted is { } time
                ? await SetAsync(connection, target, time)
                : await connection.Hub.GetReadMarkerAsync(connection.Session, target);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The store has logged it.
            connection.FromServer("FAIL", "MARKREAD", "INTERNAL_ERROR", target, "The read timestamp could not be set");
            return;
        }

        switch (error)
        {
            case ChatError.None:
                connection.Reply(Line(connection.ServerName, target, marker));
                break;
            case ChatError.NotLoggedIn:
                connection.FromServer("FAIL", "MARKREAD", "INTERNAL_ERROR", target, "Log in to an account to keep read markers");
                break;
            default:
                connection.FromServer("FAIL", "MARKREAD", "INVALID_PARAMS", target, "Invalid parameters");
                break;
        }
    }

    /// <summary><c>:server MARKREAD &lt;target&gt; timestamp=...</c>, or <c>*</c> for none.</summary>
    public static IrcMessage Line(string serverName, string target, DateTimeOffset? marker) =>
        new(serverName, "MARKREAD", target, marker is { } time ? "timestamp=" + IrcText.FormatTime(time) : "*");

    /// <summary>The MARKREAD a client with <c>draft/read-marker</c> gets after its JOIN, before 366 (the spec's "Command flows").</summary>
    public static async ValueTask SendOnJoinAsync(IrcConnection connection, string room)
    {
        if (!connection.Has(IrcCapabilities.ReadMarker))
            return;
        DateTimeOffset? marker = null;
        if (connection.Session.IsLoggedIn)
        {
            try
            {
                (_, marker) = await connection.Hub.GetReadMarkerAsync(connection.Session, room);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The store has logged it; a join does not fail for a marker: none is shown.
            }
        }

        connection.Reply(Line(connection.ServerName, room, marker));
    }

    private static async ValueTask<(ChatError, DateTimeOffset?)> SetAsync(IrcConnection connection, string target, DateTimeOffset time)
    {
        var (error, stored) = await connection.Hub.SetReadMarkerAsync(connection.Session, target, time);
        return (error, stored);
    }
}
