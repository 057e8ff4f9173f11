using Parley.Core.Events;
using Parley.Core.Rooms;
using Parley.Protocols.Irc;

namespace Parley.FrontEnds.Irc;

/// <summary>
/// A peer's host change for a client without <c>chghost</c>: the fallback the chghost
/// specification gives (ircv3.net/specs/extensions/chghost, "Fallback"), a simulated reconnect.
/// </summary>
internal sealed partial class IrcConnection
{
    /// <summary>The QUIT reason of the fallback, as servers word it.</summary>
    public const string ChangingHostReason = "Changing hostname";

    // One QUIT from the old mask, then per shared channel a JOIN from the new one and a MODE that
    // restores its status. Per recipient and uncached: host changes are rare (a login after
    // registration with account cloaks on). Nothing for this connection's own change, nor for a
    // watched nick sharing no channel (extended-monitor sends CHGHOST only with chghost).
    private void SendHostChangeFallback(HostChangedEvent changed)
    {
        if (changed.SubjectSessionId == 0 || changed.SubjectSessionId == _session.Id)
            return;
        var newMask = $"{changed.Nick}!{changed.UserName}@{changed.Host}";
        var quitSent = false;
        foreach (var (room, role) in changed.SubjectRooms)
        {
            if (!_session.IsInRoom(room))
                continue;
            if (!quitSent)
            {
                Enqueue(IrcMessageFormatter.Format(new IrcMessage(IrcEventEncoder.Mask(changed.Nick, changed.Address), "QUIT", ChangingHostReason)));
                quitSent = true;
            }

            Enqueue(IrcMessageFormatter.Format(Has(IrcCapabilities.ExtendedJoin)
                ? IrcRoomEvents.ExtendedJoin(newMask, room, changed.SubjectAccount, changed.SubjectRealName)
                : new IrcMessage(newMask, "JOIN", room)));
            var letters = ModeLetters(role);
            if (letters.Length > 0)
                Enqueue(IrcMessageFormatter.Format(new IrcMessage(ServerName, "MODE", [room, "+" + letters, .. Enumerable.Repeat(changed.Nick, letters.Length)])));
        }
    }

    // PREFIX=(qov): the owner q, an op o, voice v.
    private static string ModeLetters(MemberRole role) =>
        (role.HasFlag(MemberRole.Owner) ? "q" : "") + (role.HasFlag(MemberRole.Op) ? "o" : "") + (role.HasFlag(MemberRole.Voice) ? "v" : "");
}
