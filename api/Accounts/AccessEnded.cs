using MediatR;

namespace Marketplace.Accounts;

/// <summary>Why a person's access ended: the owner's recovery steps, or an administrator's suspension.</summary>
public enum AccessEndedBy { PasswordChange, SignOutEverywhere, Suspension }

/// <summary>
/// Every session of a person ended (their current browser's aside, on a password change), published in the command's
/// transaction for what grants access of its own: the API tokens. After an account is taken over, the owner's recovery
/// steps (a new password, "sign out everywhere") must end the attacker's access however it was held, so those revoke
/// every token; a suspension refuses the tokens while it lasts and leaves them to work after reinstatement.
/// </summary>
public sealed record AccessEnded(string UserId, AccessEndedBy By) : INotification;
