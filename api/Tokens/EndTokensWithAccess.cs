using MediatR;
using Marketplace.Accounts;
using Marketplace.Platform;

namespace Marketplace.Tokens;

/// <summary>
/// When a person's access ends (<see cref="AccessEnded"/>), so do their tokens. The owner's recovery steps (a password
/// change, "sign out everywhere") revoke every token in the same transaction, so that an attacker who took the account
/// over loses the token they made; the tokens page tells the owner so before they confirm either. A suspension revokes
/// none (its tokens are refused while it lasts, from the users row) but this node forgets the ones it validated, so that
/// it refuses them at once.
/// </summary>
public sealed class EndTokensWithAccess(DbSession db, TimeProvider clock, ValidatedTokens validated) : INotificationHandler<AccessEnded>
{
    public async Task Handle(AccessEnded ended, CancellationToken ct)
    {
        if (ended.By is AccessEndedBy.PasswordChange or AccessEndedBy.SignOutEverywhere)
            await db.ExecuteAsync("UPDATE api_tokens SET revoked_at = @Now WHERE user_id = @UserId AND revoked_at IS NULL",
                new { ended.UserId, Now = clock.GetUtcNow() });
        db.AfterCommit(() => validated.ForgetPerson(ended.UserId));
    }
}
