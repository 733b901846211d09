using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using Marketplace.Migrations;
using Marketplace.Platform;
using Microsoft.Data.Sqlite;

namespace Marketplace.Tests;

/// <summary>
/// A backup is a consistent copy of the live database taken while the app writes (SQLite's online backup API), and
/// restoring it is stopping the app, replacing the file and starting again.
/// </summary>
[SqliteOnly("the backup is SQLite's online backup of its file")]
public sealed class BackupTests : ApiTest
{
    private static string CopyPath() => Path.Combine(TemplateDatabase.Folder, "backup-" + Guid.NewGuid().ToString("N") + ".db");

    private static long CopyScalar(string path, string sql)
    {
        using var connection = new SqliteConnection($"Data Source={path};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(command.ExecuteScalar());
    }

    private static string IntegrityCheck(string path)
    {
        using var connection = new SqliteConnection($"Data Source={path};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA integrity_check";
        return (string)command.ExecuteScalar()!;
    }

    /// <summary>A job posted, bid on, awarded, delivered and accepted: a funding and a release in the ledger.</summary>
    private async Task<string> AcceptedContract(User business, User worker)
    {
        var job = await PostJob(business, NewJob(budgetMin: 1, budgetMax: 100_000));
        var contract = await Award(business, Id(job), Id(await PlaceBid(worker, Id(job), amount: 10_000 + Random.Shared.Next(50_000))));
        await Created(await worker.Http.PostAsJsonAsync($"/api/contracts/{Id(contract)}/submissions", new { message = "納品" }));
        await Ok(await business.Http.PostAsync($"/api/contracts/{Id(contract)}/accept", null));
        return Id(contract);
    }

    /// <summary>What must hold in any copy of the database as of one commit.</summary>
    private static void AssertConsistent(string copy, long completedBefore)
    {
        Assert.That(IntegrityCheck(copy), Is.EqualTo("ok"), copy);
        Assert.That(CopyScalar(copy, "SELECT COUNT(*) FROM ledger_entries"), Is.GreaterThan(0), "accepted contracts put entries in the ledger");
        Assert.That(CopyScalar(copy, "SELECT COALESCE(SUM(amount), 0) FROM ledger_entries"), Is.Zero, "the ledger sums to zero");
        Assert.That(CopyScalar(copy, "SELECT COUNT(*) FROM contracts WHERE status = 'completed'"), Is.GreaterThanOrEqualTo(completedBefore),
            "every contract accepted before the backup began is in the copy");
        // Tables agree with each other: a contract's status and its escrow were copied as of the same commit.
        Assert.That(CopyScalar(copy, """
            SELECT COUNT(*) FROM contracts c
            WHERE COALESCE((SELECT SUM(e.amount) FROM ledger_entries e WHERE e.account = 'escrow:' || c.id), 0)
                  <> CASE WHEN c.status = 'completed' OR c.funded_at IS NULL THEN 0 ELSE c.amount + c.producer_fee END
            """), Is.Zero, "each contract's escrow matches its status");
        Assert.That(CopyScalar(copy, "SELECT COUNT(*) FROM schema_migrations"), Is.EqualTo(MigrationScript.For("sqlite").Count));
    }

    [Test]
    public async Task A_backup_taken_while_the_app_writes_is_a_consistent_copy()
    {
        var business = await SignUp(Role.Business);
        var worker = await SignUp(Role.Worker);
        for (var i = 0; i < 3; i++) await AcceptedContract(business, worker);

        // The write load: parties that post, bid, award, deliver and accept over HTTP until the backups are done.
        using var stop = new CancellationTokenSource();
        var parties = new List<(User Business, User Worker)>();
        for (var i = 0; i < 3; i++) parties.Add((await SignUp(Role.Business), await SignUp(Role.Worker)));
        var load = parties.Select(p => Task.Run(async () =>
        {
            var accepted = 0;
            while (!stop.IsCancellationRequested)
            {
                await AcceptedContract(p.Business, p.Worker);
                accepted++;
            }
            return accepted;
        })).ToArray();

        while (Scalar("SELECT COUNT(*) FROM contracts WHERE status = 'completed'") < 6) await Task.Delay(20);
        var copies = new List<(string Path, long CompletedBefore)>();
        for (var i = 0; i < 5; i++)
        {
            var completedBefore = Scalar("SELECT COUNT(*) FROM contracts WHERE status = 'completed'");
            var copy = CopyPath();
            await CommandLine.BackupAsync(App.Services, copy); // what --backup runs
            copies.Add((copy, completedBefore));
            await Task.Delay(150);
        }
        var completedAtLastBackup = copies[^1].CompletedBefore;
        await stop.CancelAsync();
        var accepted = await Task.WhenAll(load);

        TestContext.Out.WriteLine($"completed before each backup: {string.Join(", ", copies.Select(c => c.CompletedBefore))}; " +
                                  $"in the copies: {string.Join(", ", copies.Select(c => CopyScalar(c.Path, "SELECT COUNT(*) FROM contracts WHERE status = 'completed'")))}");
        Assert.That(completedAtLastBackup, Is.GreaterThan(copies[0].CompletedBefore), "contracts were accepted while the backups ran");
        Assert.That(accepted.Sum(), Is.GreaterThan(0));
        foreach (var (copy, completedBefore) in copies) AssertConsistent(copy, completedBefore);
    }

    [Test]
    public async Task The_command_line_backs_up_the_database_the_app_is_serving_and_a_restore_starts_from_it()
    {
        var business = await SignUp(Role.Business);
        var worker = await SignUp(Role.Worker);
        var contractId = await AcceptedContract(business, worker);
        var copy = CopyPath();

        var (exitCode, output) = await RunApi("--backup", copy);
        Assert.That(exitCode, Is.Zero, output);
        Assert.That(output, Does.Contain("Backed up the database to " + copy));
        AssertConsistent(copy, completedBefore: 1);
        Assert.That(File.Exists(copy + ".partial"), Is.False);

        // Work after the backup is not in it.
        var later = await PostJob(business);

        // Restoring: stop the app, replace the file (and the stopped app's -wal and -shm), start; migrations verify the journal.
        App.Dispose();
        SqliteConnection.ClearAllPools();
        File.Copy(copy, App.DatabasePath, overwrite: true);
        foreach (var sidecar in new[] { "-wal", "-shm" }) File.Delete(App.DatabasePath + sidecar);
        App = new MarketplaceApp(App.Database);
        var restored = Browser();
        await Ok(await restored.PostAsJsonAsync("/api/auth/login", new { email = business.Email, password = Password }));
        var contract = await Ok(await restored.GetAsync($"/api/contracts/{contractId}"));
        Assert.That(Str(contract["contract"]!["status"]), Is.EqualTo("completed"));
        await Problem(await restored.GetAsync($"/api/jobs/{Id(later)}"), HttpStatusCode.NotFound);
    }

    [Test]
    public async Task The_command_line_refuses_a_backup_without_a_file_or_onto_the_database_itself()
    {
        var (missing, output) = await RunApi("--backup");
        Assert.That(missing, Is.EqualTo(2), output);
        Assert.That(output, Does.Contain("--backup PATH"));
        var (itself, output2) = await RunApi("--backup", App.DatabasePath);
        Assert.That(itself, Is.EqualTo(1), output2);
        Assert.That(output2, Does.Contain("No backup written"));
    }

    /// <summary>Runs the built API as an operator would (<c>dotnet Marketplace.Api.dll …</c>) against this test's database.</summary>
    private async Task<(int ExitCode, string Output)> RunApi(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = TemplateDatabase.Folder,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Marketplace.Api.dll"));
        foreach (var arg in args) start.ArgumentList.Add(arg);
        start.Environment["ConnectionStrings__Marketplace"] = $"Data Source={App.DatabasePath}";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Testing";
        start.Environment["DOTNET_ENVIRONMENT"] = "Testing";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout + await stderr);
    }
}
