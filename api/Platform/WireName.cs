using System.Text.Json;

namespace Marketplace.Platform;

/// <summary>
/// An enum value's name on the wire and in the database: its camelCase name ("dataEntry"). One spelling everywhere:
/// JSON, SQL text columns and query strings.
/// </summary>
public static class WireName
{
    public static string Of<T>(T value) where T : struct, Enum => JsonNamingPolicy.CamelCase.ConvertName(value.ToString());

    /// <summary>The value whose name <paramref name="text"/> is (in any case); a number is no name.</summary>
    public static bool TryParse<T>(string? text, out T value) where T : struct, Enum
    {
        foreach (var candidate in Enum.GetValues<T>())
        {
            if (string.Equals(Of(candidate), text, StringComparison.OrdinalIgnoreCase))
            {
                value = candidate;
                return true;
            }
        }
        value = default;
        return false;
    }

    /// <summary>Every name of <typeparamref name="T"/>, for a message ("business, worker, producer, administrator").</summary>
    public static string AllOf<T>() where T : struct, Enum => string.Join(", ", Enum.GetValues<T>().Select(Of));
}
