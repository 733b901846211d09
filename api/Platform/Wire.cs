using System.Text.Json;

namespace Marketplace.Platform;

/// <summary>
/// Enum values as they appear on the wire and in the database: camelCase names ("dataEntry").
/// One spelling everywhere: JSON, SQL text columns and query strings.
/// </summary>
public static class Wire
{
    public static string Name<T>(T value) where T : struct, Enum => JsonNamingPolicy.CamelCase.ConvertName(value.ToString());

    public static bool TryParse<T>(string? text, out T value) where T : struct, Enum
    {
        foreach (var candidate in Enum.GetValues<T>())
        {
            if (string.Equals(Name(candidate), text, StringComparison.OrdinalIgnoreCase))
            {
                value = candidate;
                return true;
            }
        }
        value = default;
        return false;
    }

    public static string Names<T>() where T : struct, Enum => string.Join(", ", Enum.GetValues<T>().Select(Name));

    /// <summary>JSON the API stores in a column (a terms version, a document): the wire's camelCase names and enum words.</summary>
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false) },
    };

    public static string NewId() => Guid.CreateVersion7().ToString("N");
}
