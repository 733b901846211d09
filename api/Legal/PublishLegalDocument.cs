using System.Text.Json.Serialization;
using FluentValidation;
using MediatR;
using Marketplace.Admin;
using Marketplace.Platform;

namespace Marketplace.Legal;

/// <summary>
/// <c>POST /api/admin/legal/{kind}</c> {bodyJa, bodyEn}: an administrator publishes the operator's new text of the
/// terms or the privacy policy as the next version, recorded in the audit trail. Earlier versions stay as they were;
/// every person who has not accepted the new one is shown it at their next sign-in (<c>mustAcceptTerms</c>).
/// </summary>
public static class PublishLegalDocument
{
    public sealed record Command : ICommand<LegalDocument>
    {
        [JsonIgnore] public string Kind { get; init; } = "";
        public string BodyJa { get; init; } = "";
        public string BodyEn { get; init; } = "";
    }

    /// <summary>A long document, but a document: a limit keeps a slip of the paste from publishing megabytes.</summary>
    public const int BodyMax = 100_000;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.BodyJa).NotBlank("The Japanese text is required.").PlainMultilineText().MaximumLength(BodyMax);
            RuleFor(c => c.BodyEn).NotBlank("The English text is required.").PlainMultilineText().MaximumLength(BodyMax);
        }
    }

    public sealed class Handler(DbSession db, Caller caller, TimeProvider clock, IMediator mediator) : IRequestHandler<Command, LegalDocument>
    {
        public async Task<LegalDocument> Handle(Command command, CancellationToken ct)
        {
            await caller.RequireAdministratorAsync(db, "publish the terms or the privacy policy");
            if (!WireName.TryParse<LegalKind>(command.Kind, out var kind)) throw new NotFoundException("No such document: terms or privacy.");
            var now = clock.GetUtcNow();
            // The next number, in the statement that writes it; two administrators publishing at once meet the primary key
            // (kind, version), and the later one is refused with 409 rather than silently numbered after.
            await db.ExecuteAsync(
                """
                INSERT INTO legal_documents (kind, version, body_ja, body_en, published_at, published_by)
                SELECT @Kind, COALESCE(MAX(d.version), 0) + 1, @BodyJa, @BodyEn, @Now, @Me FROM legal_documents d WHERE d.kind = @Kind
                """, new { Kind = WireName.Of(kind), BodyJa = command.BodyJa.Trim(), BodyEn = command.BodyEn.Trim(), Now = now, Me = caller.Id });
            var document = await mediator.Send(new GetLegalDocument.Query(WireName.Of(kind), null), ct);
            await Audit.RecordAsync(db, caller, AuditAction.PublishLegalDocument, $"{WireName.Of(kind)}:{document.Version}",
                new { kind = WireName.Of(kind), document.Version, japaneseLength = document.BodyJa.Length, englishLength = document.BodyEn.Length }, now);
            return document;
        }
    }

    public static void Map(IEndpointRouteBuilder legal) =>
        legal.MapPost("/admin/legal/{kind}", async (string kind, Command command, IMediator mediator) =>
            {
                var document = await mediator.Send(command with { Kind = kind });
                return TypedResults.Created($"/api/legal/{kind}?version={document.Version}", document);
            })
            .RequireAuthorization()
            .WithName("PublishLegalDocument").ProducesValidationProblem().ProducesProblem(401).ProducesProblem(403).ProducesProblem(404).ProducesProblem(409);
}
