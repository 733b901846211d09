using System.Data;
using Dapper;

namespace Marketplace.Platform;

/// <summary>
/// An enum in SQL as its wire name (<see cref="WireName"/>): written as text, read from text whatever type the driver
/// reports for the column. Without it Dapper picks how to read an enum from the first row's column type, and SQLite
/// reports no type for a view's computed column (a CASE, a COALESCE) whose first value is NULL: a list whose first row
/// had no <c>closed_by</c> failed on the next row's <c>'cancellation'</c> (a 500 for the whole contract list).
/// </summary>
internal sealed class WireNameHandler<T> : SqlMapper.TypeHandler<T> where T : struct, Enum
{
    public override void SetValue(IDbDataParameter parameter, T value)
    {
        parameter.DbType = DbType.String;
        parameter.Value = WireName.Of(value);
    }

    public override T Parse(object value) => value switch
    {
        string text when WireName.TryParse<T>(text, out var named) => named,
        string text => throw new DataException($"'{text}' is no {typeof(T).Name}: expected one of {WireName.AllOf<T>()}."),
        _ => (T)Enum.ToObject(typeof(T), value),
    };
}

internal static class WireNameHandler
{
    /// <summary>Every enum of the application is read and written by its wire name.</summary>
    public static void RegisterAll()
    {
        SqlMapper.Settings.PreferTypeHandlersForEnums = true;
        foreach (var type in typeof(WireNameHandler).Assembly.GetTypes().Where(t => t.IsEnum && !t.ContainsGenericParameters))
            SqlMapper.AddTypeHandler(type, (SqlMapper.ITypeHandler)Activator.CreateInstance(typeof(WireNameHandler<>).MakeGenericType(type))!);
    }
}
