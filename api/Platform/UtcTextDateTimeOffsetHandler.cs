using System.Data;
using Dapper;

namespace Marketplace.Platform;

/// <summary>
/// SQLite has no date type: times are stored as fixed-width UTC text so that comparing text compares time.
/// Dapper leaves this to the application (DapperLib/Dapper#718).
/// </summary>
internal sealed class UtcTextDateTimeOffsetHandler : SqlMapper.TypeHandler<DateTimeOffset>
{
    public const string Format = "yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'";

    public override void SetValue(IDbDataParameter parameter, DateTimeOffset value)
    {
        parameter.DbType = DbType.String;
        parameter.Value = ToText(value);
    }

    public override DateTimeOffset Parse(object value) => value switch
    {
        string text => DateTimeOffset.Parse(text, System.Globalization.CultureInfo.InvariantCulture,
            System.Globalization.DateTimeStyles.AssumeUniversal | System.Globalization.DateTimeStyles.AdjustToUniversal),
        DateTimeOffset offset => offset,
        DateTime dateTime => new DateTimeOffset(DateTime.SpecifyKind(dateTime, DateTimeKind.Utc)),
        _ => throw new InvalidCastException($"Cannot read {value.GetType().Name} as a time."),
    };

    public static string ToText(DateTimeOffset value) =>
        value.UtcDateTime.ToString(Format, System.Globalization.CultureInfo.InvariantCulture);
}
