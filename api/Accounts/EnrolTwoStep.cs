using MediatR;
using Marketplace.Platform;

namespace Marketplace.Accounts;

/// <summary>
/// A signed-in person starts two-step sign-in: a new TOTP secret (RFC 6238), shown once, as text and as the otpauth
/// URI the web client draws as a QR code. It takes effect only once confirmed with a code from the app
/// (<see cref="ConfirmTwoStep"/>); enrolling again before that replaces the pending secret. Once confirmed, 409.
/// </summary>
public static class EnrolTwoStep
{
    public sealed record Command : ICommand<Enrolment>;

    public sealed record Enrolment(string Secret, string OtpauthUri);

    public sealed class Handler(DbSession db, Caller caller, TimeProvider clock) : IRequestHandler<Command, Enrolment>
    {
        public async Task<Enrolment> Handle(Command command, CancellationToken ct)
        {
            // An API token must not add or replace its owner's second factor (OWASP ASVS 5.0 V6.4: authenticator
            // lifecycle belongs to the person, signed in).
            caller.RequireSignedInPerson("set up two-step sign-in");
            var email = await db.ExecuteScalarAsync<string?>("SELECT email FROM users WHERE id = @Id", new { caller.Id })
                ?? throw new NotFoundException("The signed-in account no longer exists.");
            if (await db.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM two_step WHERE user_id = @Id AND confirmed_at IS NOT NULL", new { caller.Id }) > 0)
                throw new ConflictException("Two-step sign-in is already set up for this account.", ConflictCode.TwoStepEnabled);
            var secret = Totp.NewSecret();
            await db.ExecuteAsync("DELETE FROM two_step WHERE user_id = @Id AND confirmed_at IS NULL", new { caller.Id });
            await db.ExecuteAsync("INSERT INTO two_step (user_id, secret, created_at) VALUES (@Id, @Secret, @Now)",
                new { caller.Id, Secret = secret, Now = clock.GetUtcNow() });
            return new Enrolment(secret, Totp.Uri(TwoStep.Issuer, email, secret));
        }
    }

    public static void Map(IEndpointRouteBuilder accounts) =>
        accounts.MapPost("/me/two-step", async (IMediator mediator) => TypedResults.Ok(await mediator.Send(new Command())))
            .RequireAuthorization()
            .WithName("EnrolTwoStep")
            .ProducesProblem(401).ProducesProblem(403).ProducesProblem(409);
}
