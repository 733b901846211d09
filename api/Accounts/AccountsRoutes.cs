using Marketplace.Platform;
namespace Marketplace.Accounts;

/// <summary>Every route of the accounts feature, mapped from here.</summary>
public static class AccountsRoutes
{
    public static void Map(IEndpointRouteBuilder api)
    {
        var accounts = api.MapGroup("").WithTags("Accounts").RequireScope(TokenScope.Read, null);
        Register.Map(accounts);
        Login.Map(accounts);
        Logout.Map(accounts);
        LogoutEverywhere.Map(accounts);
        GetMe.Map(accounts);
        UpdateMe.Map(accounts);
        ChangePassword.Map(accounts);
        EnrolTwoStep.Map(accounts);
        ConfirmTwoStep.Map(accounts);
        RequestPasswordReset.Map(accounts);
        ResetPassword.Map(accounts);
        ConfirmEmail.Map(accounts);
        ResendEmailConfirmation.Map(accounts);
        ChangeEmail.Map(accounts);
    }
}
