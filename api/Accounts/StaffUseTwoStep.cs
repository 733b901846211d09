using Marketplace.Platform;

namespace Marketplace.Accounts;

/// <summary>
/// What every staff action requires (the platform asks it in <see cref="Caller.RequireAdministratorAsync"/> and
/// <see cref="Caller.RequireOfficeAsync"/>): administrators confirm money and a programme's office reads its members'
/// identity documents, so each must have confirmed two-step sign-in (OWASP ASVS 5.0 V6.3.3: multi-factor for the
/// application's most sensitive functions). Staff who have not enrolled may sign in, to enrol, but are refused every
/// action with 403.
/// </summary>
public sealed class StaffUseTwoStep : IStaffRequirement
{
    public async Task<string?> RefusalAsync(DbSession db, string staffId) =>
        await db.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM two_step WHERE user_id = @Id AND confirmed_at IS NOT NULL",
            new { Id = staffId }) == 0
            ? TwoStep.EnrolFirst
            : null;
}
