namespace Parley.Core.Storage;

/// <summary>The stored lookup key of a nick: lower case. Nicks are ASCII, so this matches NickRules.Comparer.</summary>
public static class NickKey
{
    /// <summary>The key stored for <paramref name="nick"/>; every store uses this one, so their keys agree.</summary>
    public static string Of(string nick) => nick.ToLowerInvariant();
}
