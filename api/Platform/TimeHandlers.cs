using System.Data;
using System.Globalization;
using Dapper;
using Microsoft.Data.Sqlite;

namespace Marketplace.Platform;

/// <summary>
/// Times and days as each engine keeps them. SQLite has no date type: a time is fixed-width UTC text, so that comparing
/// text compares time, and a day is <c>yyyy-MM-dd</c>. PostgreSQL (<c>timestamptz</c>, <c>date</c>) and SQL Server
/// (<c>datetimeoffset</c>, <c>date</c>) get native values; Npgsql takes a <c>timestamptz</c> only at offset zero.
/// Dapper leaves all of this to the application (DapperLib/Dapper#718); the parameter's own type says which engine
/// it is bound for, so one process can talk to two engines (the tests do).
/// </summary>
internal sealed class TimeHandler : SqlMapper.TypeHandler<DateTimeOffset>
{
    public const string Format = "yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'";

    public override void SetValue(IDbDataParameter parameter, DateTimeOffset value)
    {
        if (parameter is SqliteParameter)
        {
            parameter.DbType = DbType.String;
            parameter.Value = ToText(Stored(value));
            return;
        }
        parameter.DbType = DbType.DateTimeOffset;
        parameter.Value = Stored(value);
    }

    /// <summary>
    /// A time as every engine keeps it: UTC, to the microsecond. PostgreSQL's timestamptz has microseconds where .NET
    /// has 100 ns ticks; cutting them on every engine means a time read back equals the time written, and a keyset
    /// cursor compares the same on each.
    /// </summary>
    public static DateTimeOffset Stored(DateTimeOffset value)
    {
        var utc = value.ToUniversalTime();
        return utc.AddTicks(-(utc.Ticks % TimeSpan.TicksPerMicrosecond));
    }

    public override DateTimeOffset Parse(object value) => value switch
    {
        string text => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal),
        DateTimeOffset offset => offset.ToUniversalTime(),
        // Npgsql reads timestamptz as a UTC DateTime.
        DateTime dateTime => new DateTimeOffset(DateTime.SpecifyKind(dateTime, DateTimeKind.Utc)),
        _ => throw new InvalidCastException($"Cannot read {value.GetType().Name} as a time."),
    };

    /// <summary>SQLite's text of a time, exactly (a cursor names a stored time as it was read).</summary>
    public static string ToText(DateTimeOffset value) => value.UtcDateTime.ToString(Format, CultureInfo.InvariantCulture);
}

/// <inheritdoc cref="TimeHandler"/>
internal sealed class DayHandler : SqlMapper.TypeHandler<DateOnly>
{
    public const string Format = "yyyy-MM-dd";

    public override void SetValue(IDbDataParameter parameter, DateOnly value)
    {
        if (parameter is SqliteParameter)
        {
            parameter.DbType = DbType.String;
            parameter.Value = value.ToString(Format, CultureInfo.InvariantCulture);
            return;
        }
        parameter.DbType = DbType.Date;
        parameter.Value = value;
    }

    public override DateOnly Parse(object value) => value switch
    {
        string text => DateOnly.ParseExact(text, Format, CultureInfo.InvariantCulture),
        DateOnly day => day,
        DateTime dateTime => DateOnly.FromDateTime(dateTime),
        _ => throw new InvalidCastException($"Cannot read {value.GetType().Name} as a day."),
    };
}
