using System.Globalization;

namespace Parley.FrontEnds.Line;

/// <summary>A count with its noun in the right number for replies: <c>1 user</c>, <c>2 users</c>, <c>0 rooms</c>.</summary>
internal static class Counted
{
    /// <summary><paramref name="count"/> then <paramref name="singular"/>, or <paramref name="singular"/> + "s" unless it is 1.</summary>
    public static string Of(long count, string singular) =>
        count.ToString(CultureInfo.InvariantCulture) + " " + (count == 1 ? singular : singular + "s");
}
