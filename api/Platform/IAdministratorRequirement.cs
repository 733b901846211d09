namespace Marketplace.Platform;

/// <summary>
/// What an administrator must have done, beyond holding the role, before any administrator action: the feature that
/// owns sign-in supplies it (Accounts: a confirmed two-step enrolment), and <see cref="Caller.RequireAdministratorAsync"/>
/// asks it on every one. An app that registers none refuses every administrator action.
/// </summary>
public interface IAdministratorRequirement
{
    /// <summary>Null when the administrator may act; otherwise what it must do first (the 403's detail).</summary>
    Task<string?> RefusalAsync(DbSession db, string administratorId);
}
