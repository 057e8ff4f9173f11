using Parley.Core.Presence;
using Parley.Core.Rooms;
using Parley.Protocols.Line;

namespace Parley.FrontEnds.Line;

/// <summary>The <c>ERR</c> line for each refusal of the core (docs/protocol.md, "Error codes").</summary>
/// <remarks>Stateless and thread-safe.</remarks>
internal static class LineErrors
{
    /// <summary>The error line for <paramref name="error"/>.</summary>
    /// <param name="error">Any error but <see cref="ChatError.None"/>.</param>
    /// <param name="room">The room the command named, for the text.</param>
    /// <param name="nick">The nick the command named, for the text.</param>
    public static byte[] For(ChatError error, string? room = null, string? nick = null) => error switch
    {
        ChatError.NotRegistered => LineWriter.Error(LineErrorCodes.NotRegistered, "register first with #<nick> or /nick <nick>"),
        ChatError.NoSuchNick => LineWriter.Error(LineErrorCodes.NoSuchNick, $"{nick} is not online"),
        ChatError.InvalidNick => LineWriter.Error(LineErrorCodes.InvalidNick, $"a nick is 1-{NickRules.MaxLength} letters, digits, _ or -"),
        ChatError.NickTaken => LineWriter.Error(LineErrorCodes.NickTaken, $"{nick} is taken"),
        ChatError.InvalidRoom => LineWriter.Error(LineErrorCodes.InvalidRoom, $"a room name is # and 1-{RoomNames.MaxLength} letters, digits, _, - or ."),
        ChatError.NoSuchRoom => LineWriter.Error(LineErrorCodes.NoSuchRoom, $"{room} does not exist"),
        ChatError.NotInRoom => LineWriter.Error(LineErrorCodes.NotInRoom, $"you are not in {room}"),
        ChatError.AlreadyInRoom => LineWriter.Error(LineErrorCodes.AlreadyInRoom, $"{nick ?? "you"} {(nick is null ? "are" : "is")} already in {room}"),
        ChatError.NotRoomOperator => LineWriter.Error(LineErrorCodes.NotRoomOp, $"you need op rights in {room} for that"),
        ChatError.TargetNotInRoom => LineWriter.Error(LineErrorCodes.UserNotInRoom, $"{nick} is not in {room}"),
        ChatError.Banned => LineWriter.Error(LineErrorCodes.Banned, $"you are banned from {room}"),
        ChatError.BadKey => LineWriter.Error(LineErrorCodes.BadKey, $"{room} needs its key: /join {room} <key>"),
        ChatError.InviteOnly => LineWriter.Error(LineErrorCodes.InviteOnly, $"{room} is invite-only; ask an op for /invite"),
        ChatError.CannotSend => LineWriter.Error(LineErrorCodes.CannotSend, $"you cannot speak in {room} (moderated or banned)"),
        ChatError.RoomFull => LineWriter.Error(LineErrorCodes.RoomFull, $"{room} is full"),
        ChatError.TooManyRooms => LineWriter.Error(LineErrorCodes.TooManyRooms, "you are in the most rooms allowed; /part one first"),
        ChatError.InvalidMask => LineWriter.Error(LineErrorCodes.InvalidMask, "a mask is <nick>, <nick>@<address> or ~<account>, with * and ?; a room has at most so many bans"),
        ChatError.InvalidMode => LineWriter.Error(LineErrorCodes.InvalidMode, "modes are +/- C i k l m n s t; +k needs a key of one word, +l a number of members"),
        ChatError.NoSuchAccount => LineWriter.Error(LineErrorCodes.NoSuchAccount, $"{nick} is not a registered account"),
        ChatError.NotServerOperator => LineWriter.Error(LineErrorCodes.NotServerOp, "only server operators may do that"),
        ChatError.NickRegistered => ChatErrorReplies.NickRegistered(nick ?? ""),
        ChatError.GuestsDisabled => ChatErrorReplies.GuestsDisabled,
        ChatError.NotLoggedIn => ChatErrorReplies.NotLoggedIn,
        ChatError.AuthFailed => ChatErrorReplies.AuthFailed,
        ChatError.BadPassword => ChatErrorReplies.BadPassword,
        ChatError.NoClientCertificate => ChatErrorReplies.NoClientCertificate,
        ChatError.InvalidFingerprint => ChatErrorReplies.InvalidFingerprint,
        ChatError.TooManyCertificates => ChatErrorReplies.TooManyCertificates,
        ChatError.RoomRegistered => LineWriter.Error(LineErrorCodes.RoomRegistered, $"{room} is registered already"),
        ChatError.RoomNotRegistered => LineWriter.Error(LineErrorCodes.RoomNotRegistered, $"{room} is not registered"),
        ChatError.NotRoomOwner => LineWriter.Error(LineErrorCodes.NotRoomOwner, $"only the owner account of {room} may do that"),
        ChatError.ServerBanned => ChatErrorReplies.ServerBanned(nick ?? ""),
        _ => LineWriter.Error(LineErrorCodes.Syntax, error.ToString()),
    };
}
