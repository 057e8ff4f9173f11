using Parley.Core.Presence;
using Parley.Protocols.Line;

namespace Parley.FrontEnds.Line.Commands;

/// <summary><c>/nick &lt;nick&gt;</c> and the seeds' <c>#nick</c>: register, or change nick.</summary>
internal sealed class NickCommand : ILineCommand
{
    public string Name => "nick";
    public string Usage => "/nick <nick>  (or #<nick>)";
    public string Summary => "register a nick, or change yours";
    public bool AllowedBeforeRegistration => true;
    public bool RequiresArguments => true;

    public ValueTask ExecuteAsync(LineConnection connection, string arguments)
    {
        var nick = arguments;
        var wasRegistered = connection.Session.IsRegistered;
        var error = connection.Hub.Register(connection.Session, nick);
        connection.Reply(error switch
        {
            ChatError.None when wasRegistered => LineWriter.Ok($"you are now {nick}"),
            ChatError.None => LineWriter.Ok($"registered as {nick}"),
            ChatError.NickTaken => LineWriter.Error(LineErrorCodes.NickTaken, $"{nick} is taken"),
            _ => LineWriter.Error(LineErrorCodes.InvalidNick, $"a nick is 1-{NickRules.MaxLength} letters, digits, _ or -"),
        });
        if (error == ChatError.None && !wasRegistered)
            connection.OnRegistered();
        return ValueTask.CompletedTask;
    }
}
