namespace Parley.Core.Moderation;

/// <summary>Case-insensitive (ASCII) wildcard matching: <c>*</c> any run of characters, <c>?</c> one character.</summary>
/// <remarks>Linear in pattern plus text length for typical masks (one backtrack point), never recursive.</remarks>
public static class Glob
{
    /// <summary>Whether <paramref name="text"/> matches <paramref name="pattern"/> as a whole.</summary>
    /// <param name="pattern">The mask, e.g. <c>spam*</c> or <c>10.0.*</c>.</param>
    /// <param name="text">The text to test.</param>
    /// <returns>True on a match.</returns>
    public static bool IsMatch(ReadOnlySpan<char> pattern, ReadOnlySpan<char> text)
    {
        int p = 0, t = 0, star = -1, resume = 0;
        while (t < text.Length)
        {
            if (p < pattern.Length && (pattern[p] == '?' || char.ToLowerInvariant(pattern[p]) == char.ToLowerInvariant(text[t])))
            {
                p++;
                t++;
            }
            else if (p < pattern.Length && pattern[p] == '*')
            {
                star = p++;
                resume = t;
            }
            else if (star >= 0)
            {
                p = star + 1;
                t = ++resume;
            }
            else
            {
                return false;
            }
        }

        while (p < pattern.Length && pattern[p] == '*')
            p++;
        return p == pattern.Length;
    }
}
