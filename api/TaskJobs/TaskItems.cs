using Marketplace.Platform;

namespace Marketplace.TaskJobs;

/// <summary>A task job's pool of items: made at posting, taken one at a time, returned when their time runs out.</summary>
public static class TaskItems
{
    /// <summary>Rows per INSERT: one statement (one cached SQL text) for each full chunk, well within every engine's parameter limit.</summary>
    private const int Chunk = 200;

    private const string FirstRow = "INSERT INTO task_items (id, job_id, number, inputs, status) VALUES (@Id0, @JobId, @Number0, @Inputs0, 'open')";

    /// <summary><see cref="FirstRow"/> and the chunk's other rows, numbered 1… in their parameters' names.</summary>
    private static readonly string ChunkSql =
        FirstRow + string.Concat(Enumerable.Range(1, Chunk - 1).Select(i => $", (@Id{i}, @JobId, @Number{i}, @Inputs{i}, 'open')"));

    /// <summary>Numbers the items 1…<paramref name="count"/>, each with its CSV row as inputs when there is a CSV.</summary>
    public static async Task CreateAsync(DbSession db, string jobId, int count, IReadOnlyList<IReadOnlyList<string>>? rows)
    {
        var number = 1;
        for (; number + Chunk - 1 <= count; number += Chunk)
        {
            var values = new Dapper.DynamicParameters();
            values.Add("JobId", jobId);
            for (var i = 0; i < Chunk; i++)
            {
                values.Add($"Id{i}", TimeOrderedId.New());
                values.Add($"Number{i}", number + i);
                values.Add($"Inputs{i}", TaskInstructions.Store(rows?[number + i - 1]));
            }
            await db.ExecuteAsync(ChunkSql, values);
        }
        if (number <= count)
            await db.ExecuteAsync("INSERT INTO task_items (id, job_id, number, inputs, status) VALUES (@Id, @JobId, @Number, @Inputs, 'open')",
                Enumerable.Range(number, count - number + 1)
                    .Select(n => new { Id = TimeOrderedId.New(), JobId = jobId, Number = n, Inputs = TaskInstructions.Store(rows?[n - 1]) }));
    }

    /// <summary>
    /// An item is in the pool when it is open, or taken and its time to submit has run out: the time is computed from
    /// when it was taken, so nothing has to run for an item to return.
    /// </summary>
    internal const string InPool = "(status = 'open' OR (status = 'taken' AND due_at <= @Now))";

    internal const string CountLeftSql = $"SELECT COUNT(*) FROM task_items WHERE job_id = @JobId AND {InPool}";
}
