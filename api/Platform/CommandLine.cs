using Marketplace.Accounts;

namespace Marketplace.Platform;

/// <summary>
/// The operator's one-off tasks: <c>--backup PATH</c>, <c>--migrate</c> and <c>--create-admin EMAIL</c>. Each runs,
/// then the app exits.
/// </summary>
public static class CommandLine
{
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

    /// <summary>True when <paramref name="args"/> named a task to run after migrations, which has run.</summary>
    public static async Task<bool> RanTaskAsync(WebApplication app, string[] args)
    {
        if (args.Contains("--migrate"))
        {
            app.Logger.LogInformation("Database migrated; exiting because of --migrate.");
            return true;
        }
        if (args.SkipWhile(a => a != "--create-admin").Skip(1).FirstOrDefault() is not { } adminEmail) return false;
        var password = Environment.GetEnvironmentVariable(CreateAdministrator.PasswordVariable);
        if (string.IsNullOrEmpty(password))
        {
            app.Logger.LogError("Set {Variable} to the new administrator's password.", CreateAdministrator.PasswordVariable);
            Environment.ExitCode = 2;
            return true;
        }
        try
        {
            var admin = await CreateAdministrator.CreateAsync(app.Services, adminEmail, password);
            app.Logger.LogInformation("Created administrator {Email}", admin.Email);
        }
        catch (Exception e) when (e is ConflictException or FluentValidation.ValidationException)
        {
            app.Logger.LogError("No administrator created: {Reason}", e.Message);
            Environment.ExitCode = 2;
        }
        return true;
    }
}
