using System.Diagnostics;
using System.Net.Http.Json;
using Marketplace.Accounts;

namespace Marketplace.Tests;

/// <summary>
/// Administrators are created by the operator on the command line (<c>--create-admin EMAIL</c>, a task Accounts registers
/// with the platform's command line), never by signing up.
/// </summary>
public sealed class CreateAdministratorTests : ApiTest
{
    [Test]
    public async Task The_command_line_creates_an_administrator_who_signs_in_with_the_password_from_the_environment()
    {
        var (exitCode, output) = await RunApi(Password, CreateAdministrator.Option, "office@yuzawa.example");
        Assert.That(exitCode, Is.Zero, output);
        Assert.That(output, Does.Contain("Created administrator office@yuzawa.example"));

        var browser = Browser();
        await Ok(await browser.PostAsJsonAsync("/api/auth/login", new { email = "office@yuzawa.example", password = Password }));
        Assert.That(Str((await Ok(await browser.GetAsync("/api/me")))["role"]), Is.EqualTo("administrator"));
    }

    [Test]
    public async Task Without_the_password_in_the_environment_nothing_is_created_and_the_exit_code_says_so()
    {
        var (exitCode, output) = await RunApi(null, CreateAdministrator.Option, "office@yuzawa.example");
        Assert.That(exitCode, Is.EqualTo(2), output);
        Assert.That(output, Does.Contain(CreateAdministrator.PasswordVariable));
        Assert.That(Scalar("SELECT COUNT(*) FROM users WHERE role = 'administrator'"), Is.Zero);
    }

    /// <summary>Runs the built API as an operator would (<c>dotnet Marketplace.Api.dll …</c>) against this test's database.</summary>
    private async Task<(int ExitCode, string Output)> RunApi(string? password, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = TemplateDatabase.Folder,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Marketplace.Api.dll"));
        foreach (var arg in args) start.ArgumentList.Add(arg);
        // The test host's own database settings, as environment variables (Section__Key).
        foreach (var (key, value) in App.Database.Settings) start.Environment[key.Replace(":", "__")] = value;
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Testing";
        start.Environment["DOTNET_ENVIRONMENT"] = "Testing";
        start.Environment.Remove(CreateAdministrator.PasswordVariable);
        if (password is not null) start.Environment[CreateAdministrator.PasswordVariable] = password;
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout + await stderr);
    }
}
