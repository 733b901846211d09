using NUnit.Framework.Interfaces;
using NUnit.Framework.Internal;

namespace Marketplace.Tests;

/// <summary>
/// A fixture (or a test) about SQLite itself (its file, its backup API, its query planner, its migration scripts): it runs in the
/// SQLite run of the suite and is skipped, saying why, in the run on another engine.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
public sealed class SqliteOnlyAttribute(string why) : NUnitAttribute, IApplyToTest
{
    public void ApplyToTest(NUnit.Framework.Internal.Test test)
    {
        if (test.RunState != RunState.NotRunnable && TestDatabase.Engine != Marketplace.Platform.DatabaseEngine.Sqlite)
        {
            test.RunState = RunState.Ignored;
            test.Properties.Set(PropertyNames.SkipReason, $"SQLite only: {why}");
        }
    }
}
