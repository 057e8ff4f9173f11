using Parley.Core.Presence;
using Parley.FrontEnds.Connections;
using Parley.Protocols.Line;

namespace Parley.FrontEnds.Line.Commands;

/// <summary><c>/serverban [mask [reason]]</c>: list the server-wide address bans, or add one (server operators only).</summary>
internal sealed class ServerBanCommand : ILineCommand
{
    public string Name => "serverban";
    public string Usage => "/serverban [address-mask [reason]]";
    public string Summary => "list server-wide address bans, or ban an address such as 10.0.* (server operators only)";
    public bool AllowedBeforeRegistration => false;
    public bool RequiresArguments => false;
    public bool RequiresServerOperator => true;

    public ValueTask ExecuteAsync(LineConnection connection, string arguments)
    {
        if (arguments.Length == 0)
        {
            var bans = connection.Hub.ServerBans.Bans;
            foreach (var ban in bans)
                connection.Reply(LineWriter.ServerBan(ban.Mask, ban.SetBy, ban.SetAt, ban.Reason ?? ""));
            connection.Reply(LineWriter.Ok(Counted.Of(bans.Count, "server ban")));
            return ValueTask.CompletedTask;
        }

        var (mask, reason) = LineRequestParser.SplitWord(arguments);
        var error = connection.Hub.BanAddress(connection.Session, mask, reason.Length == 0 ? null : reason, out var disconnected);
        if (error == ChatError.None)
            FrontEndLog.AddressBanned(connection.Logger, connection.Session.Nick!, mask, disconnected);
        connection.Reply(error == ChatError.None
            ? LineWriter.Ok($"banned {mask} server-wide ({disconnected} connections closed)")
            : LineErrors.For(error));
        return ValueTask.CompletedTask;
    }
}
