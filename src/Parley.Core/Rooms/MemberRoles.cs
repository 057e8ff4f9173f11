namespace Parley.Core.Rooms;

/// <summary>The order of <see cref="MemberRole"/>s: owner above op above voice (STATUSMSG's "that status or higher").</summary>
public static class MemberRoles
{
    /// <summary>Whether <paramref name="role"/> is <paramref name="minimum"/> or higher: an owner holds every role, an op voice too.</summary>
    /// <param name="role">A member's rights.</param>
    /// <param name="minimum">The least role asked for; <see cref="MemberRole.None"/> is held by every member.</param>
    /// <returns>True when held. Pure; thread-safe.</returns>
    public static bool Holds(MemberRole role, MemberRole minimum) => minimum switch
    {
        MemberRole.None => true,
        MemberRole.Owner => role.HasFlag(MemberRole.Owner),
        MemberRole.Op => (role & (MemberRole.Op | MemberRole.Owner)) != 0,
        _ => role != MemberRole.None,
    };
}
