using FluentValidation;
using MediatR;
using Marketplace.Platform;

namespace Marketplace.Programmes;

/// <summary>
/// <c>POST /api/identity-checks</c> {fileId, documentType}: a worker asks for an identity check with an image of a
/// document it uploaded (POST /api/files). From here the file is nobody's download, the worker's own included
/// (file_audience); its deciders read it through the check. One pending check per worker (a unique index).
/// </summary>
public static class RequestIdentityCheck
{
    public sealed record Command : ICommand<IdentityCheck>
    {
        public string FileId { get; init; } = "";
        public DocumentType? DocumentType { get; init; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.FileId).NotEmpty().PlainText().MaximumLength(64);
            RuleFor(c => c.DocumentType).NotNull().WithMessage($"Document type must be one of: {WireName.AllOf<DocumentType>()}.");
        }
    }

    public sealed class Handler(DbSession db, Caller caller, TimeProvider clock) : IRequestHandler<Command, IdentityCheck>
    {
        public async Task<IdentityCheck> Handle(Command command, CancellationToken ct)
        {
            caller.Require(Role.Worker, "ask for an identity check");
            var id = TimeOrderedId.New();
            int inserted;
            try
            {
                // The worker's own, unattached image (a JPEG, PNG or PDF scan) that no other check names.
                inserted = await db.ExecuteAsync(
                    """
                    INSERT INTO identity_checks (id, worker_id, file_id, document_type, status, requested_at)
                    SELECT @Id, @Me, f.id, @DocumentType, 'pending', @Now FROM files f
                    WHERE f.id = @FileId AND f.owner_id = @Me
                      AND f.job_id IS NULL AND f.message_id IS NULL AND f.submission_id IS NULL AND f.revision_id IS NULL
                      AND f.content_type IN ('image/jpeg', 'image/png', 'application/pdf')
                      AND NOT EXISTS (SELECT 1 FROM identity_checks x WHERE x.file_id = f.id)
                      AND NOT EXISTS (SELECT 1 FROM identity_checks x WHERE x.worker_id = @Me AND x.status = 'pending')
                    """, new { Id = id, Me = caller.Id, command.FileId, DocumentType = WireName.Of(command.DocumentType!.Value), Now = clock.GetUtcNow() });
            }
            catch (Exception e) when (db.Dialect.IsUniqueViolation(e))
            {
                // A racing request of the same worker wrote its pending check first. No statement may follow a failed one in
                // PostgreSQL's transaction, so the refusal is decided here, not by the reads below.
                throw new ConflictException("Your identity check is waiting for a decision already.", ConflictCode.IdentityCheckPending);
            }
            if (inserted == 0)
            {
                if (await db.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM identity_checks x WHERE x.worker_id = @Me AND x.status = 'pending'", new { Me = caller.Id }) > 0)
                    throw new ConflictException("Your identity check is waiting for a decision already.", ConflictCode.IdentityCheckPending);
                throw new FluentValidation.ValidationException([new FluentValidation.Results.ValidationFailure("fileId",
                    "Name an image (JPEG, PNG or PDF) you uploaded and have not attached elsewhere.") { ErrorCode = "fileNotUsable" }]);
            }
            return await db.QuerySingleAsync<IdentityCheck>($"SELECT {IdentityChecks.Columns} FROM {IdentityChecks.From} WHERE i.id = @Id", new { Id = id });
        }
    }

    public static void Map(IEndpointRouteBuilder programmes) =>
        programmes.MapPost("/identity-checks", async (Command command, IMediator mediator) =>
            {
                var check = await mediator.Send(command);
                return TypedResults.Created($"/api/identity-checks/{check.Id}", check);
            })
            .WithName("RequestIdentityCheck").ProducesValidationProblem().ProducesProblem(403).ProducesProblem(409);
}
