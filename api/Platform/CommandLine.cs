using Marketplace.Accounts;

namespace Marketplace.Platform;

/// <summary>The operator's one-off tasks: <c>--migrate</c> and <c>--create-admin EMAIL</c>. Each runs, then the app exits.</summary>
public static class CommandLine
{
    /// <summary>True when <paramref name="args"/> named a task, which has run.</summary>
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
