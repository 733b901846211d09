using FluentValidation;
using MediatR;
using Marketplace.Admin;
using Marketplace.Files;
using Marketplace.Notifications;
using Marketplace.Platform;

namespace Marketplace.Programmes;

/// <summary>
/// <c>POST /api/identity-checks/{id}/decide</c> {verified, documentType, note}: the office (or, for a worker of no
/// programme, an administrator) compares the document with the person and decides. The image is deleted in the same
/// transaction (its row) and its bytes right after the commit, unless another file row names the same bytes; what stays
/// is who decided, when, and the document's type. A decision is final (409 for a second one).
/// </summary>
public static class DecideIdentityCheck
{
    public sealed record Command : ICommand<IdentityCheck>
    {
        [System.Text.Json.Serialization.JsonIgnore] public string Id { get; init; } = "";
        public bool? Verified { get; init; }
        /// <summary>The document's type as the decider saw it (it may correct what the worker chose).</summary>
        public DocumentType? DocumentType { get; init; }
        public string? Note { get; init; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Verified).NotNull().WithMessage("Say whether the identity is verified.");
            RuleFor(c => c.DocumentType).NotNull().WithMessage($"Document type must be one of: {WireName.AllOf<DocumentType>()}.");
            RuleFor(c => c.Note).PlainText().MaximumLength(500);
        }
    }

    public sealed class Handler(DbSession db, Caller caller, TimeProvider clock, IFileStore store, ILogger<IdentityCheck> logger)
        : IRequestHandler<Command, IdentityCheck>
    {
        public async Task<IdentityCheck> Handle(Command command, CancellationToken ct)
        {
            await IdentityChecks.RequireDeciderAsync(db, caller, command.Id, "decide an identity check");
            var now = clock.GetUtcNow();
            var file = await db.QuerySingleOrDefaultAsync<ImageRow>(
                "SELECT f.id, f.sha256 FROM identity_checks i JOIN files f ON f.id = i.file_id WHERE i.id = @Id", new { command.Id });
            var decided = await db.ExecuteAsync(
                """
                UPDATE identity_checks SET status = @Status, document_type = @DocumentType, decided_at = @Now, decided_by = @Me, note = @Note, file_id = NULL
                WHERE id = @Id AND status = 'pending'
                """,
                new { command.Id, Status = command.Verified!.Value ? "verified" : "rejected", DocumentType = WireName.Of(command.DocumentType!.Value),
                      Now = now, Me = caller.Id, Note = string.IsNullOrWhiteSpace(command.Note) ? null : command.Note.Trim() });
            if (decided == 0) throw new ConflictException("This identity check is decided already.", ConflictCode.IdentityCheckDecided);
            if (file is { } image)
            {
                await db.ExecuteAsync("DELETE FROM files WHERE id = @Id", new { image.Id });
                var shared = await db.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM files f WHERE f.sha256 = @Sha256", new { image.Sha256 });
                // The bytes go once the row's deletion is committed; bytes another row still names stay (the store keeps one
                // copy of equal bytes), and a failure here leaves them to the sweep of bytes no row names.
                if (shared == 0)
                    db.AfterCommit(() =>
                    {
                        try { store.DeleteAsync(image.Sha256).GetAwaiter().GetResult(); }
                        catch (Exception e) { logger.LogWarning(e, "The identity image {Sha256} stays for the sweep", image.Sha256); }
                    });
            }
            var check = await db.QuerySingleAsync<IdentityCheck>($"SELECT {IdentityChecks.Columns} FROM {IdentityChecks.From} WHERE i.id = @Id", new { command.Id });
            if (caller.Role == Role.Administrator)
                await Audit.RecordAsync(db, caller, AuditAction.DecideIdentityCheck, command.Id, new { workerId = check.WorkerId, verified = command.Verified }, now);
            await Notify.ToAsync(db, check.WorkerId, NotificationKind.IdentityCheckDecided,
                command.Verified.Value ? "Your identity is verified." : "Your identity check was not accepted.", $"identity:{command.Id}", now);
            return check;
        }
    }

    private sealed class ImageRow
    {
        public string Id { get; init; } = "";
        public string Sha256 { get; init; } = "";
    }

    public static void Map(IEndpointRouteBuilder programmes) =>
        programmes.MapPost("/identity-checks/{id}/decide", (string id, Command command, IMediator mediator) => mediator.Send(command with { Id = id }))
            .WithName("DecideIdentityCheck").ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404).ProducesProblem(409);
}
