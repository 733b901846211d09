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

    private static readonly Lock IdGate = new();
    private static UInt128 _lastId;

    /// <summary>
    /// A new id: a UUIDv7 (RFC 9562 §5.7) in 32 hex digits, so ids sort by time and newest first is id order. Within one
    /// process they increase strictly, also inside one millisecond (RFC 9562 §6.2): Guid.CreateVersion7 fills the rest of
    /// a millisecond with random bits, so two messages posted in the same millisecond would otherwise list in either order.
    /// </summary>
    public static string NewId()
    {
        var id = UInt128.Parse(Guid.CreateVersion7().ToString("N"), System.Globalization.NumberStyles.HexNumber);
        lock (IdGate)
        {
            // Still the last id's millisecond (or the clock stepped back): one more than the last id, in its random bits.
            if (id <= _lastId) id = _lastId + 1;
            _lastId = id;
        }
        return id.ToString("x32");
    }
}
