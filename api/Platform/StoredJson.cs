using System.Text.Json;
using System.Text.Json.Serialization;

namespace Marketplace.Platform;

/// <summary>JSON the API stores in a column (a terms version, a document): the wire's camelCase names and enum words.</summary>
public static class StoredJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false) },
    };
}
