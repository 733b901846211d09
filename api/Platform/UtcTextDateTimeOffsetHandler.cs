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

/// <summary>
/// Days (DateOnly) as SQLite stores them, 'yyyy-MM-dd' text, so that a day is bound and read as a day, never as a string
/// a handler formats: the engines' branch binds the same type natively on PostgreSQL and SQL Server (their date).
/// </summary>
internal sealed class DayHandler : SqlMapper.TypeHandler<DateOnly>
{
    public const string Format = "yyyy-MM-dd";

    public override void SetValue(IDbDataParameter parameter, DateOnly value)
    {
        parameter.DbType = DbType.String;
        parameter.Value = value.ToString(Format, System.Globalization.CultureInfo.InvariantCulture);
    }

    public override DateOnly Parse(object value) => value switch
    {
        string text => DateOnly.ParseExact(text, Format, System.Globalization.CultureInfo.InvariantCulture),
        DateOnly day => day,
        DateTime dateTime => DateOnly.FromDateTime(dateTime),
        _ => throw new InvalidCastException($"Cannot read {value.GetType().Name} as a day."),
    };
}
