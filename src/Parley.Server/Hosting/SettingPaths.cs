using System.Reflection;

namespace Parley.Server.Hosting;

/// <summary>
/// Finds the configuration key of a setting from the bare property name the options' validation
/// reports (<c>MaxOutboundBytes</c> → <c>Parley:Limits:MaxOutboundBytes</c>), by walking the
/// options records, so an error names the key an operator writes.
/// </summary>
internal static class SettingPaths
{
    private static readonly Lazy<Dictionary<string, string>> Paths = new(Build);

    /// <summary>The full key for <paramref name="name"/> (a property name, or a partial path like <c>Tls:Port</c>).</summary>
    /// <returns>The key; <c>Parley:</c> + <paramref name="name"/> when no property has that name, or several do.</returns>
    public static string Find(string name)
    {
        if (name.StartsWith("Parley:", StringComparison.Ordinal))
            return name;
        return !name.Contains(':', StringComparison.Ordinal) && Paths.Value.TryGetValue(name, out var path) ? path : "Parley:" + name;
    }

    private static Dictionary<string, string> Build()
    {
        var found = new Dictionary<string, string>(StringComparer.Ordinal);
        var ambiguous = new HashSet<string>(StringComparer.Ordinal);
        void Walk(Type type, string prefix, int depth)
        {
            foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
            {
                if (!property.CanWrite)
                    continue;
                var path = $"{prefix}:{property.Name}";
                if (!found.TryAdd(property.Name, path) && found[property.Name] != path)
                    ambiguous.Add(property.Name);
                var child = property.PropertyType;
                if (depth < 4 && child.IsClass && child != typeof(string) && child.Namespace?.StartsWith("Parley", StringComparison.Ordinal) == true)
                    Walk(child, path, depth + 1);
            }
        }

        Walk(typeof(ParleyOptions), ParleyOptions.SectionName, 0);
        Walk(typeof(Core.Rooms.RoomLimits), Core.Rooms.RoomLimits.SectionName, 0);
        // Each storage provider binds its own record from Parley:Storage.
        foreach (var options in StorageProviders.OptionTypes)
            Walk(options, StorageOptions.SectionName, 0);
        foreach (var name in ambiguous)
            found.Remove(name);
        return found;
    }
}
