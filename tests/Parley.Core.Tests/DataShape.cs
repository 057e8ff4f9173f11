using System.Reflection;
using Parley.Core.Events;

namespace Parley.Core.Tests;

/// <summary>
/// Whether a type is data that can cross a process: strings, numbers, enums, times, ids,
/// <see cref="UserAddress"/>, lists of them and records of them; never a live object (a session,
/// a room, a task).
/// </summary>
internal static class DataShape
{
    /// <summary>The public properties of <paramref name="type"/> (inherited ones too) that are not data, as "Type.Property: PropertyType".</summary>
    public static IEnumerable<string> LiveProperties(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(property => !IsData(property.PropertyType, []))
            .Select(property => $"{type.Name}.{property.Name}: {property.PropertyType}");

    /// <summary>True when <paramref name="type"/> is data.</summary>
    public static bool IsData(Type type, HashSet<Type> seen)
    {
        if (Nullable.GetUnderlyingType(type) is { } inner)
            return IsData(inner, seen);
        if (type.IsPrimitive || type.IsEnum || type == typeof(string) || type == typeof(decimal)
            || type == typeof(DateTimeOffset) || type == typeof(DateTime) || type == typeof(TimeSpan) || type == typeof(Guid))
            return true;
        if (type.IsArray)
            return IsData(type.GetElementType()!, seen);
        if (type.IsGenericType)
        {
            var definition = type.GetGenericTypeDefinition();
            if (definition == typeof(IReadOnlyList<>) || definition == typeof(IReadOnlyCollection<>) || definition == typeof(KeyValuePair<,>))
                return type.GetGenericArguments().All(argument => IsData(argument, seen));
            return false;
        }

        // A record (UserAddress, ChatMessage, RoomMessage...) of data; a cycle counts as data once.
        if (type.GetMethod("<Clone>$") is null)
            return false;
        return !seen.Add(type) || type.GetProperties(BindingFlags.Public | BindingFlags.Instance).All(property => IsData(property.PropertyType, seen));
    }
}
