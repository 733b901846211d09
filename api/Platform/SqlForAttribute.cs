namespace Marketplace.Platform;

/// <summary>
/// Marks a class whose SQL is written for one engine only (a full-text search's statements): the checks that read every
/// statement of the API (SQLite's query plans, SQL Server's parser, PostgreSQL's plans) read such a class's statements
/// on its own engine and leave them alone on the others. A class without it holds the SQL every engine shares.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class SqlForAttribute(DatabaseEngine engine) : Attribute
{
    public DatabaseEngine Engine { get; } = engine;

    /// <summary>Whether <paramref name="type"/>'s statements run on <paramref name="engine"/>: marked for it, or not marked (shared).</summary>
    public static bool RunsOn(Type type, DatabaseEngine engine)
    {
        for (var t = type; t is not null; t = t.DeclaringType)
            if (t.GetCustomAttributes(typeof(SqlForAttribute), false) is [SqlForAttribute marked]) return marked.Engine == engine;
        return true;
    }
}
