using Parley.Core.Sessions;

namespace Parley.Core.Rooms;

/// <summary>One session's membership of a room. Immutable: a change of role replaces it.</summary>
/// <param name="Session">The member's session; its nick is read live, so renames need no update.</param>
/// <param name="Role">The member's rights.</param>
public sealed record RoomMember(ChatSession Session, MemberRole Role)
{
    /// <summary>True for ops and the owner.</summary>
    public bool IsOp => (Role & (MemberRole.Op | MemberRole.Owner)) != 0;

    /// <summary>True for anyone who may speak in a moderated room: ops, the owner, voiced members.</summary>
    public bool HasVoice => Role != MemberRole.None;

    /// <summary>The IRC-style prefix of the member's highest role: <c>~</c> owner, <c>@</c> op, <c>+</c> voice, or empty.</summary>
    public string Prefix => Role.HasFlag(MemberRole.Owner) ? "~" : Role.HasFlag(MemberRole.Op) ? "@" : Role.HasFlag(MemberRole.Voice) ? "+" : "";

    /// <summary>The member's highest role as a word: owner, op, voice or member.</summary>
    public string RoleName => Role.HasFlag(MemberRole.Owner) ? "owner" : Role.HasFlag(MemberRole.Op) ? "op" : Role.HasFlag(MemberRole.Voice) ? "voice" : "member";
}
