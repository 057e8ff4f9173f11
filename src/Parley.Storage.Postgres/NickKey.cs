namespace Parley.Storage.Postgres;

/// <summary>The stored lookup key of a nick: lower case. Nicks are ASCII, so this matches NickRules.Comparer.</summary>
internal static class NickKey
{
    public static string Of(string nick) => nick.ToLowerInvariant();
}
