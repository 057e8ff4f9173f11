namespace Parley.Protocols.Irc;

/// <summary>Builds a tag list in which each key appears once.</summary>
internal static class IrcTagList
{
    /// <summary>Adds <paramref name="tag"/>, or gives an existing tag with its key the new value.</summary>
    /// <remarks>
    /// IRCv3: receivers of a repeated key "SHOULD disregard all but the final occurrence". A tag
    /// section is at most 8,191 bytes, so at most ~4,000 tags; the linear scan is fine for the
    /// handful real messages carry, and past 16 tags an index keeps a hostile line from costing
    /// a quadratic scan.
    /// </remarks>
    public static void AddOrReplace(List<IrcTag> tags, IrcTag tag, Dictionary<string, int>? index = null)
    {
        if (index is not null)
        {
            if (index.TryGetValue(tag.Key, out var at))
            {
                tags[at] = tag;
                return;
            }

            index[tag.Key] = tags.Count;
            tags.Add(tag);
            return;
        }

        for (var i = 0; i < tags.Count; i++)
        {
            if (string.Equals(tags[i].Key, tag.Key, StringComparison.Ordinal))
            {
                tags[i] = tag;
                return;
            }
        }

        tags.Add(tag);
    }
}
