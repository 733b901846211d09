using Marketplace.Platform;

namespace Marketplace.Accounts;

/// <summary>
/// What every administrator action requires (the platform asks it in <see cref="Caller.RequireAdministratorAsync"/>):
/// administrators confirm money, so each must have confirmed two-step sign-in (OWASP ASVS 5.0 V6.3.3: multi-factor for
/// the application's most sensitive functions). An administrator who has not enrolled may sign in, to enrol, but is
/// refused every action with 403.
/// </summary>
public sealed class AdministratorsUseTwoStep : IAdministratorRequirement
{
    public async Task<string?> RefusalAsync(DbSession db, string administratorId) =>
        await db.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM two_step WHERE user_id = @Id AND confirmed_at IS NOT NULL",
            new { Id = administratorId }) == 0
            ? TwoStep.EnrolFirst
            : null;
}
