using System.Globalization;
using Parley.Core.Presence;
using Parley.Core.Rooms;

namespace Parley.FrontEnds.Irc.Services;

/// <summary>
/// ChanServ, the channel service: <c>REGISTER</c>, <c>DROP</c>, <c>OP</c>, <c>DEOP</c>,
/// <c>VOICE</c>, <c>DEVOICE</c>, <c>INFO</c>, <c>HELP</c>. A registered channel is a Parley
/// registered room (<c>/register #room</c>): the account that registered it is its founder, and
/// ChanServ acts for that account in it.
/// </summary>
internal sealed class ChanServService : IrcService
{
    public override string Nick => ServiceNicks.ChanServ;

    protected override ValueTask RunAsync(IrcConnection connection, string verb, string[] arguments)
    {
        if (verb == "HELP")
        {
            Help(connection);
            return ValueTask.CompletedTask;
        }

        if (arguments.Length == 0 || !arguments[0].StartsWith('#'))
        {
            if (verb is "REGISTER" or "DROP" or "OP" or "DEOP" or "VOICE" or "DEVOICE" or "INFO")
                Syntax(connection, verb is "REGISTER" or "DROP" or "INFO" ? $"{verb} <#channel>" : $"{verb} <#channel> [nick]");
            else
                Unknown(connection, verb);
            return ValueTask.CompletedTask;
        }

        var channel = arguments[0];
        return verb switch
        {
            "REGISTER" => RegisterAsync(connection, channel),
            "DROP" => DropAsync(connection, channel),
            "OP" => SetRole(connection, channel, arguments, MemberRole.Op, grant: true),
            "DEOP" => SetRole(connection, channel, arguments, MemberRole.Op, grant: false),
            "VOICE" => SetRole(connection, channel, arguments, MemberRole.Voice, grant: true),
            "DEVOICE" => SetRole(connection, channel, arguments, MemberRole.Voice, grant: false),
            "INFO" => InfoAsync(connection, channel),
            _ => Unknown(connection, verb, ValueTask.CompletedTask),
        };
    }

    protected override void Help(IrcConnection connection)
    {
        Notice(connection, "ChanServ keeps registered channels: their modes, topic and bans last, and their founder's account is their owner.");
        Notice(connection, "REGISTER <#channel>            register a channel you are an operator of (log in first)");
        Notice(connection, "DROP <#channel>                unregister your channel");
        Notice(connection, "OP|DEOP <#channel> [nick]      give or take operator status in your channel");
        Notice(connection, "VOICE|DEVOICE <#channel> [nick] give or take voice in your channel");
        Notice(connection, "INFO <#channel>                show a registered channel");
    }

    private ValueTask Unknown(IrcConnection connection, string verb, ValueTask done)
    {
        Unknown(connection, verb);
        return done;
    }

    private async ValueTask RegisterAsync(IrcConnection connection, string channel)
    {
        var error = await connection.Hub.Rooms.RegisterAsync(connection.Session, channel);
        Notice(connection, error == ChatError.None
            ? $"{channel} is now registered to your account, {connection.Session.AccountName}."
            : ErrorText(error, channel, connection.Session.Nick ?? "*"));
    }

    private async ValueTask DropAsync(IrcConnection connection, string channel)
    {
        var error = await connection.Hub.Rooms.UnregisterAsync(connection.Session, channel);
        Notice(connection, error == ChatError.None ? $"{channel} has been dropped." : ErrorText(error, channel, "*"));
    }

    private ValueTask SetRole(IrcConnection connection, string channel, string[] arguments, MemberRole role, bool grant)
    {
        var target = arguments.Length > 1 ? arguments[1] : connection.Session.Nick!;
        var error = connection.Hub.Rooms.SetRoleAsOwner(connection.Session, channel, target, role, grant);
        // Success shows as ChanServ's MODE in the channel; only a refusal is answered.
        if (error != ChatError.None)
            Notice(connection, ErrorText(error, channel, target));
        return ValueTask.CompletedTask;
    }

    private async ValueTask InfoAsync(IrcConnection connection, string channel)
    {
        if (connection.Hub.Rooms.FindVisible(connection.Session, channel, out var room) != ChatError.None || room!.OwnerAccountId is not { } owner)
        {
            Notice(connection, $"{channel} is not registered.");
            return;
        }

        var founder = await connection.FrontEnd.Accounts.NameOfAsync(owner) ?? "?";
        Notice(connection, $"Information on {room.Name}:");
        Notice(connection, "Founder    : " + founder);
        Notice(connection, "Registered : " + room.CreatedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture));
        if (room.Topic is { } topic)
            Notice(connection, "Topic      : " + topic.Text);
        Notice(connection, "*** End of Info ***");
    }

    private static string ErrorText(ChatError error, string channel, string nick) => error switch
    {
        ChatError.NotLoggedIn => "You must be logged in to an account: /msg NickServ IDENTIFY <account> <password>.",
        ChatError.NotRoomOperator => $"You must be a channel operator of {channel} to register it.",
        ChatError.NotInRoom => $"You must be on {channel} to register it.",
        ChatError.RoomRegistered => $"{channel} is already registered.",
        ChatError.RoomNotRegistered => $"{channel} is not registered.",
        ChatError.NotRoomOwner => $"Access denied: you are not the founder of {channel}.",
        ChatError.TargetNotInRoom => $"{nick} is not on {channel}.",
        ChatError.NoSuchRoom => $"{channel} does not exist.",
        ChatError.InvalidRoom => $"{channel} is not a valid channel name.",
        _ => $"That did not work: {error}",
    };
}
