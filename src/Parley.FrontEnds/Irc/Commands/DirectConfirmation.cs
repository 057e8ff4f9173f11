using Parley.Core.Events;
using Parley.Core.Presence;

namespace Parley.FrontEnds.Irc.Commands;

/// <summary>What a direct PRIVMSG or NOTICE confirms after its commit: the send, and its held copy when sent to oneself.</summary>
internal sealed record DirectConfirmation(SendResult Result, DirectMessageEvent? ToSelf);
