using FluentValidation;
using Marketplace.Platform;
using Microsoft.AspNetCore.Identity;

namespace Marketplace.Accounts;

/// <summary>
/// Administrators are never self-registered: the operator creates one from the command line
/// (<c>dotnet run --project api -- --create-admin EMAIL</c>, password in MARKETPLACE_ADMIN_PASSWORD so it stays
/// out of shell history). The same email, password and name rules as sign-up apply.
/// </summary>
public static class CreateAdministrator
{
    public const string PasswordVariable = "MARKETPLACE_ADMIN_PASSWORD";

    /// <summary>The command-line option that runs <see cref="RunAsync"/>.</summary>
    public const string Option = "--create-admin";

    /// <summary>What <c>--create-admin EMAIL</c> runs: answers the process's exit code (2 when nothing was created).</summary>
    public static async Task<int> RunAsync(IServiceProvider services, ILogger logger, string email)
    {
        var password = Environment.GetEnvironmentVariable(PasswordVariable);
        if (string.IsNullOrEmpty(password))
        {
            logger.LogError("Set {Variable} to the new administrator's password.", PasswordVariable);
            return 2;
        }
        try
        {
            var admin = await CreateAsync(services, email, password);
            logger.LogInformation("Created administrator {Email}", admin.Email);
            return 0;
        }
        catch (Exception e) when (e is ConflictException or ValidationException)
        {
            logger.LogError("No administrator created: {Reason}", e.Message);
            return 2;
        }
    }

    public static async Task<Account> CreateAsync(IServiceProvider services, string email, string password, string displayName = "Administrator")
    {
        var command = new Register.Command
        {
            Email = email, Password = password, DisplayName = displayName, Role = Role.Administrator, MadeByOperator = true,
        };
        // Register's rules refuse the administrator role by design; every other rule applies here too.
        var result = new Register.Validator().Validate(command with { Role = Role.Business });
        if (!result.IsValid) throw new ValidationException(result.Errors);
        await using var scope = services.CreateAsyncScope();
        var provider = scope.ServiceProvider;
        var db = provider.GetRequiredService<DbSession>();
        return await db.InTransactionAsync(() => new Register.Handler(db, provider.GetRequiredService<IPasswordHasher<AccountRow>>(),
            provider.GetRequiredService<TimeProvider>(), provider.GetRequiredService<Mail.AccountMailOutbox>()).Handle(command, CancellationToken.None));
    }
}
