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

    public static async Task<Account> CreateAsync(IServiceProvider services, string email, string password, string displayName = "Administrator")
    {
        var command = new Register.Command { Email = email, Password = password, DisplayName = displayName, Role = Role.Administrator };
        // Register's rules refuse the administrator role by design; every other rule applies here too.
        var result = new Register.Validator().Validate(command with { Role = Role.Business });
        if (!result.IsValid) throw new ValidationException(result.Errors);
        await using var scope = services.CreateAsyncScope();
        var provider = scope.ServiceProvider;
        return await new Register.Handler(provider.GetRequiredService<DbSession>(), provider.GetRequiredService<IPasswordHasher<AccountRow>>(),
            provider.GetRequiredService<TimeProvider>()).Handle(command, CancellationToken.None);
    }
}
