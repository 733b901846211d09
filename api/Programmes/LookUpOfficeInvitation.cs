using FluentValidation;
using MediatR;
using Marketplace.Accounts;
using Marketplace.Platform;

namespace Marketplace.Programmes;

/// <summary>
/// <c>POST /api/office-invitations/look-up</c> {token}: what the invitation's page shows before the person sets a
/// password — the programme it is for, its prefecture and municipalities, and the address and name being set up —
/// without spending the link. The link is the secret: whoever holds it may read this, as it may accept it. The token
/// travels in the body, never in a URL a server would log. 400 <c>invitationInvalid</c> for a used, expired, replaced
/// or wrong link, as accepting answers.
/// </summary>
public static class LookUpOfficeInvitation
{
    public sealed record Query : IRequest<OfficeInvitation>
    {
        public string Token { get; init; } = "";
    }

    /// <summary>The invitation a link opens: whom it sets up, for which programme, until when.</summary>
    public sealed record OfficeInvitation
    {
        public required string Email { get; init; }
        public required string DisplayName { get; init; }
        public required string ProgrammeName { get; init; }
        public required string Prefecture { get; init; }
        public required IReadOnlyList<string> Municipalities { get; init; }
        public required DateTimeOffset ExpiresAt { get; init; }
    }

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator() => RuleFor(c => c.Token).NotEmpty().PlainText().MaximumLength(100);
    }

    private sealed class Row
    {
        public string Email { get; init; } = "";
        public string DisplayName { get; init; } = "";
        public string ProgrammeId { get; init; } = "";
        public string ProgrammeName { get; init; } = "";
        public string Prefecture { get; init; } = "";
        public DateTimeOffset TokenExpiresAt { get; init; }
    }

    public sealed class Handler(DbSession db, TimeProvider clock) : IRequestHandler<Query, OfficeInvitation>
    {
        public async Task<OfficeInvitation> Handle(Query query, CancellationToken ct)
        {
            var row = await db.QuerySingleOrDefaultAsync<Row>(
                """
                SELECT u.email, u.display_name, p.id AS programme_id, p.name AS programme_name, p.prefecture, s.token_expires_at
                FROM programme_staff s JOIN users u ON u.id = s.user_id JOIN programmes p ON p.id = s.programme_id
                WHERE s.token_hash = @Hash AND s.token_expires_at > @Now
                """, new { Hash = OfficeInvitationLink.HashOf(query.Token), Now = clock.GetUtcNow() })
                ?? throw new ProblemException(400, "The link is not valid.", "The invitation's link is used, expired or wrong; ask an administrator for a new one.", "invitationInvalid");
            var municipalities = (await db.QueryAsync<string>(
                "SELECT m.name FROM programme_municipalities m WHERE m.programme_id = @Id", new { Id = row.ProgrammeId })).Order(StringComparer.Ordinal).ToList();
            return new OfficeInvitation
            {
                Email = row.Email, DisplayName = row.DisplayName, ProgrammeName = row.ProgrammeName, Prefecture = row.Prefecture,
                Municipalities = municipalities, ExpiresAt = row.TokenExpiresAt,
            };
        }
    }

    public static void Map(IEndpointRouteBuilder programmes) =>
        programmes.MapPost("/office-invitations/look-up", async (Query query, IMediator mediator) => TypedResults.Ok(await mediator.Send(query)))
            .AllowAnonymous().RequireRateLimiting(Authentication.LoginRateLimit)
            .WithName("LookUpOfficeInvitation").ProducesValidationProblem().ProducesProblem(429);
}
