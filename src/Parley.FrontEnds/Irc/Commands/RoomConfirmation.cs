using Parley.Core.Events;
using Parley.Core.Rooms;

namespace Parley.FrontEnds.Irc.Commands;

/// <summary>What a channel PRIVMSG confirms once its message is committed: the send and this connection's echo.</summary>
internal sealed record RoomConfirmation(RoomSendResult Result, RoomMessageEvent? Echo);
