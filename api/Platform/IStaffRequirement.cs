namespace Marketplace.Platform;

/// <summary>
/// What staff (an administrator of the operator, or a programme's office) must have done, beyond holding the role, before
/// any staff action: the feature that owns sign-in supplies it (Accounts: a confirmed two-step enrolment), and
/// <see cref="Caller.RequireAdministratorAsync"/> and <see cref="Caller.RequireOfficeAsync"/> ask it on every one. An app
/// that registers none refuses every staff action.
/// </summary>
public interface IStaffRequirement
{
    /// <summary>Null when the staff member may act; otherwise what it must do first (the 403's detail).</summary>
    Task<string?> RefusalAsync(DbSession db, string staffId);
}
