using FluentValidation;
using MediatR;
using Marketplace.Accounts;
using Marketplace.Platform;
using Microsoft.AspNetCore.Identity;

namespace Marketplace.Programmes;

/// <summary>
/// <c>POST /api/office-invitations/accept</c> {token, password}: the invited person sets the office account's password
/// with the link's token, once and before it expires (one conditional UPDATE decides it), which also confirms the
/// account's address (the administrator vouches for it). Signing in then asks for
/// two-step enrolment before any office action.
/// </summary>
public static class AcceptOfficeInvitation
{
    public sealed record Command : ICommand<Account>
    {
        public string Token { get; init; } = "";
        public string Password { get; init; } = "";
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Token).NotEmpty().PlainText().MaximumLength(100);
            RuleFor(c => c.Password).PlainText().NewPassword();
        }
    }

    public sealed class Handler(DbSession db, TimeProvider clock, IPasswordHasher<AccountRow> hasher) : IRequestHandler<Command, Account>
    {
        public async Task<Account> Handle(Command command, CancellationToken ct)
        {
            var now = clock.GetUtcNow();
            var hash = InviteOfficeStaff.HashOf(command.Token);
            var userId = await db.ExecuteScalarAsync<string?>(
                "SELECT s.user_id FROM programme_staff s WHERE s.token_hash = @Hash AND s.token_expires_at > @Now", new { Hash = hash, Now = now });
            var redeemed = userId is null ? 0 : await db.ExecuteAsync(
                """
                UPDATE programme_staff SET token_hash = NULL, token_expires_at = NULL, joined_at = @Now
                WHERE user_id = @UserId AND token_hash = @Hash AND token_expires_at > @Now
                """, new { UserId = userId, Hash = hash, Now = now });
            if (redeemed == 0) throw new ProblemException(400, "The link is not valid.", "The invitation's link is used, expired or wrong; ask an administrator for a new one.", "invitationInvalid");
            var row = await db.QuerySingleAsync<AccountRow>("SELECT id, email, display_name, role FROM users WHERE id = @Id", new { Id = userId });
            if (Passwords.IsAccountWord(command.Password, row.Email, row.DisplayName))
                throw new FluentValidation.ValidationException([new FluentValidation.Results.ValidationFailure("password", Passwords.AccountWordMessage) { ErrorCode = Passwords.AccountWordCode }]);
            // An administrator made this account for this address and handed its link over: the operator vouches for
            // the address, as for the accounts it makes itself (Register's MadeByOperator), so the office worker is not
            // told at her first sign-in that it is unconfirmed.
            await db.ExecuteAsync(
                """
                UPDATE users SET password_hash = @Hash, password_nfkc = TRUE,
                    email_confirmed_at = CASE WHEN email_confirmed_at IS NULL THEN @Now ELSE email_confirmed_at END
                WHERE id = @Id
                """, new { Hash = hasher.HashPassword(row, Passwords.Normalize(command.Password)), row.Id, Now = now });
            return await Account.ReadAsync(db, row.Id) ?? throw new InvalidOperationException("The invited account was not found.");
        }
    }

    public static void Map(IEndpointRouteBuilder programmes) =>
        programmes.MapPost("/office-invitations/accept", async (Command command, IMediator mediator) => TypedResults.Ok(await mediator.Send(command)))
            .AllowAnonymous().RequireRateLimiting(Authentication.LoginRateLimit)
            .WithName("AcceptOfficeInvitation").ProducesValidationProblem().ProducesProblem(429);
}
