namespace Marketplace.Platform;

/// <summary>
/// An operator's one-off task that a feature offers on the command line: <c>OPTION ARGUMENT</c> runs it after
/// migrations, then the app exits with the code it answers.
/// </summary>
public sealed record CommandLineTask(string Option, Func<IServiceProvider, ILogger, string, Task<int>> RunAsync);

/// <summary>
/// The operator's one-off tasks: the platform's <c>--backup PATH</c> and <c>--migrate</c>, and the ones features register
/// with <see cref="AddCommandLineTask"/>. Each runs, then the app exits.
/// </summary>
public static class CommandLine
{
    public static IServiceCollection AddCommandLineTask(this IServiceCollection services, string option,
        Func<IServiceProvider, ILogger, string, Task<int>> runAsync) =>
        services.AddSingleton(new CommandLineTask(option, runAsync));

    /// <summary>
    /// True when <paramref name="args"/> named a task that reads the database as it is, which has run: <c>--backup
    /// PATH</c>. It runs before start-up migrates, so that a newer build taking a backup never changes the live database
    /// an older build still serves, and the copy is exactly what was there.
    /// </summary>
    public static async Task<bool> RanBeforeMigrationsAsync(WebApplication app, string[] args)
    {
        var at = Array.IndexOf(args, "--backup");
        if (at < 0) return false;
        if (at + 1 >= args.Length || args[at + 1].StartsWith("--", StringComparison.Ordinal))
        {
            app.Logger.LogError("Name the file to write: --backup PATH.");
            Environment.ExitCode = 2;
            return true;
        }
        var path = args[at + 1];
        try
        {
            await BackupAsync(app.Services, path);
            app.Logger.LogInformation("Backed up the database to {Path}", Path.GetFullPath(path));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidOperationException or NotSupportedException
                                      or Microsoft.Data.Sqlite.SqliteException)
        {
            app.Logger.LogError("No backup written: {Reason}", e.Message);
            Environment.ExitCode = 1;
        }
        return true;
    }

    /// <summary>What <c>--backup PATH</c> runs: a consistent copy of the live database (<see cref="Db.BackupAsync"/>).</summary>
    public static Task BackupAsync(IServiceProvider services, string path, CancellationToken ct = default) =>
        services.GetRequiredService<Db>().BackupAsync(path, ct);

    /// <summary>True when <paramref name="args"/> named a task to run after migrations (--migrate or a feature's), which has run.</summary>
    public static async Task<bool> RanTaskAsync(WebApplication app, string[] args)
    {
        if (args.Contains("--migrate"))
        {
            app.Logger.LogInformation("Database migrated; exiting because of --migrate.");
            return true;
        }
        foreach (var task in app.Services.GetServices<CommandLineTask>())
        {
            // An option without its argument names no task: the app starts as usual.
            if (args.SkipWhile(a => a != task.Option).Skip(1).FirstOrDefault() is not { } argument) continue;
            Environment.ExitCode = await task.RunAsync(app.Services, app.Logger, argument);
            return true;
        }
        return false;
    }
}
