using MediatR;
using Marketplace.Platform;
using Microsoft.Extensions.Options;

namespace Marketplace.Files;

/// <summary>
/// Deletes the rows of files nothing was attached to within <c>UnattachedLifetime</c> (a day): an upload whose message
/// was never sent (an identity check's image and a job's NDA document are attached by their own rows). Their bytes go with the next <see cref="FileSweeper"/> pass over the store, which removes bytes no
/// row names, so the rows and the bytes are never out of step the other way (a row without bytes).
/// </summary>
public static class SweepFiles
{
    /// <summary>The answer is how many rows were deleted.</summary>
    public sealed record Command : ICommand<int>;

    public sealed class Handler(DbSession db, TimeProvider clock, IOptions<FilesOptions> options) : IRequestHandler<Command, int>
    {
        public Task<int> Handle(Command command, CancellationToken ct) =>
            db.ExecuteAsync(
                """
                DELETE FROM files
                WHERE created_at < @Before
                  AND job_id IS NULL AND message_id IS NULL AND submission_id IS NULL AND revision_id IS NULL
                  AND statement_id IS NULL AND portfolio_of IS NULL AND entry_id IS NULL
                  AND task_id IS NULL AND task_step_id IS NULL AND team_message_id IS NULL AND task_submission_id IS NULL
                  AND NOT EXISTS (SELECT 1 FROM identity_checks i WHERE i.file_id = files.id)
                  AND NOT EXISTS (SELECT 1 FROM jobs j WHERE j.nda_file_id = files.id)
                """, new { Before = clock.GetUtcNow() - options.Value.UnattachedLifetime });
    }
}

/// <summary>
/// Every <c>Files:SweepIntervalSeconds</c> (an hour): <see cref="SweepFiles"/>, then the bytes in the store that no row
/// names and that are older than <c>Files:OrphanGrace</c> (an upload stores its bytes a moment before its row).
/// </summary>
public sealed class FileSweeper(IServiceScopeFactory scopes, IFileStore store, TimeProvider clock, IOptions<FilesOptions> options,
    ILogger<FileSweeper> logger) : IPeriodicWork
{
    public string Name => "file sweep";
    public TimeSpan Every => TimeSpan.FromSeconds(options.Value.SweepIntervalSeconds);

    /// <summary>How many rows and how many stored objects one pass removed.</summary>
    public async Task<(int Rows, int Bytes)> RunOnceAsync(CancellationToken ct = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var rows = await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new SweepFiles.Command(), ct);
        var db = scope.ServiceProvider.GetRequiredService<DbSession>();
        var before = clock.GetUtcNow() - options.Value.OrphanGrace;
        var removed = 0;
        await foreach (var (key, storedAt) in store.ListAsync(ct))
        {
            if (storedAt >= before) continue;
            if (await db.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM files f WHERE f.sha256 = @Key", new { Key = key }) > 0) continue;
            await store.DeleteAsync(key, ct);
            removed++;
        }
        // Uploads that died with their process (a crash, not a cut-off request, which throws its own away).
        await store.RemoveAbandonedUploadsAsync(before, ct);
        return (rows, removed);
    }

    async Task IPeriodicWork.RunAsync(CancellationToken ct)
    {
        var (rows, bytes) = await RunOnceAsync(ct);
        if (rows + bytes > 0) logger.LogInformation("File sweep removed {Rows} unattached files and {Bytes} unnamed stored objects", rows, bytes);
    }
}
