using FluentValidation;
using FluentValidation.Results;
using MediatR;
using Marketplace.Accounts;
using Marketplace.Platform;

namespace Marketplace.Legal;

/// <summary>
/// <c>POST /api/me/legal-acceptances</c> {termsVersion, privacyVersion}: the signed-in person accepts the versions in
/// force (the web client's button after a new version), answered with the account, whose <c>mustAcceptTerms</c> is then
/// false. A version that is not the one in force is a 400; accepting again changes nothing.
/// </summary>
public static class AcceptLegalDocuments
{
    public sealed record Command : ICommand<Account>
    {
        public int? TermsVersion { get; init; }
        public int? PrivacyVersion { get; init; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.TermsVersion).NotNull().GreaterThanOrEqualTo(1);
            RuleFor(c => c.PrivacyVersion).NotNull().GreaterThanOrEqualTo(1);
        }
    }

    private sealed class InForce
    {
        public string Kind { get; init; } = "";
        public int Version { get; init; }
    }

    public sealed class Handler(DbSession db, Caller caller, TimeProvider clock) : IRequestHandler<Command, Account>
    {
        public async Task<Account> Handle(Command command, CancellationToken ct)
        {
            // Consent is the person's own act: an integration's token does not give it for them.
            caller.RequireSignedInPerson("accept the terms of use");
            var inForce = (await db.QueryAsync<InForce>("SELECT d.kind, d.version FROM current_legal_documents d")).ToDictionary(d => d.Kind, d => d.Version);
            var given = new Dictionary<string, (string Field, int Version)>
            {
                [WireName.Of(LegalKind.Terms)] = ("termsVersion", command.TermsVersion!.Value),
                [WireName.Of(LegalKind.Privacy)] = ("privacyVersion", command.PrivacyVersion!.Value),
            };
            var stale = given.Where(g => g.Value.Version != inForce.GetValueOrDefault(g.Key))
                .Select(g => new ValidationFailure(g.Value.Field, $"Version {g.Value.Version} is not the one in force ({inForce.GetValueOrDefault(g.Key)}): read it again.")
                    .WithDetails("notCurrentVersion", new Dictionary<string, object?> { ["current"] = inForce.GetValueOrDefault(g.Key) }))
                .ToList();
            if (stale.Count > 0) throw new ValidationException(stale);
            var now = clock.GetUtcNow();
            foreach (var (kind, (_, version)) in given)
                await db.ExecuteAsync(
                    """
                    INSERT INTO legal_acceptances (user_id, kind, version, accepted_at)
                    SELECT @Me, @Kind, @Version, @Now
                    WHERE NOT EXISTS (SELECT 1 FROM legal_acceptances a WHERE a.user_id = @Me AND a.kind = @Kind AND a.version = @Version)
                    """, new { Me = caller.Id, Kind = kind, Version = version, Now = now });
            return await Account.ReadAsync(db, caller.Id) ?? throw new NotFoundException("The signed-in account no longer exists.");
        }
    }

    public static void Map(IEndpointRouteBuilder legal) =>
        legal.MapPost("/me/legal-acceptances", async (Command command, IMediator mediator) => TypedResults.Ok(await mediator.Send(command)))
            .RequireAuthorization()
            .WithName("AcceptLegalDocuments").ProducesValidationProblem().ProducesProblem(401).ProducesProblem(403);
}
