using System.Text.Json.Serialization;
using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using MediatR;
using Marketplace.Invoices;
using Marketplace.Platform;
using Marketplace.Search;

namespace Marketplace.Workers;

/// <summary>
/// A worker keeps its profile: what it does, where, and the hours it can give; and what its documents print — the
/// qualified-invoice registration number (issue 11), the legal name and the postal address the business's 支払調書 needs.
/// Those three are the worker's tax details (the same row as <c>PUT /api/me/tax-details</c>): left out (null) they stay
/// as saved, so a client that does not know them never erases them.
/// </summary>
public static class UpdateWorkerProfile
{
    public sealed record Command : ICommand<WorkerProfile>
    {
        public string Bio { get; init; } = "";
        public IReadOnlyList<string>? Skills { get; init; }
        public string Region { get; init; } = "";
        public int WeeklyHours { get; init; }
        public string Availability { get; init; } = "";
        /// <summary>False for a worker paid as a company: no withholding tax applies.</summary>
        public bool IsIndividual { get; init; } = true;
        /// <summary>"T" and 13 digits whose check digit holds; "" when not a registered issuer; null keeps the saved one.</summary>
        public string? InvoiceNumber { get; init; }
        /// <summary>The name documents and the payment record carry (氏名); "" for the display name; null keeps the saved one.</summary>
        public string? LegalName { get; init; }
        /// <summary>The address the payment record (支払調書, 所得税法第225条) carries; null keeps the saved one.</summary>
        public string? PostalAddress { get; init; }
        /// <summary>
        /// The files to show on the profile, exactly (at most <see cref="PortfolioMax"/>): the worker's own uploads, attached
        /// to nothing else; null keeps the portfolio as it is, [] empties it.
        /// </summary>
        public IReadOnlyList<string>? PortfolioFileIds { get; init; }

        /// <summary>The profile's ETag as the client read it (the If-Match header); null replaces it whatever its version.</summary>
        [JsonIgnore] public string? IfMatch { get; init; }
    }

    /// <summary>A portfolio shows a worker's best pieces, not an archive: a page of them.</summary>
    public const int PortfolioMax = 12;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Bio).NotNull().PlainMultilineText().MaximumLength(2_000);
            RuleFor(c => c.Skills).MaxItems(30, "tooManySkills", "At most 30 skills.");
            RuleForEach(c => c.Skills).NotBlank("A skill cannot be empty.").PlainText().MaximumLength(50);
            RuleFor(c => c.Region).NotBlank("Region is required.").PlainText().MaximumLength(50);
            RuleFor(c => c.WeeklyHours).InclusiveBetween(0, 80);
            RuleFor(c => c.Availability).NotNull().PlainText().MaximumLength(500);
            RuleFor(c => c.InvoiceNumber).PlainText().ValidInvoiceNumber();
            RuleFor(c => c.LegalName).PlainText().MaximumLength(100);
            RuleFor(c => c.PostalAddress).PlainText().MaximumLength(200);
            RuleFor(c => c.PortfolioFileIds).MaxItems(PortfolioMax, "tooManyFiles", $"At most {PortfolioMax} files in a portfolio.");
            RuleForEach(c => c.PortfolioFileIds).NotEmpty().PlainText().MaximumLength(64);
        }
    }

    public sealed class Handler(DbSession db, Caller caller, TimeProvider clock, IMediator mediator) : IRequestHandler<Command, WorkerProfile>
    {
        private static readonly string[] Columns = ["worker_id", "bio", "region", "weekly_hours", "availability", "updated_at"];

        public async Task<WorkerProfile> Handle(Command command, CancellationToken ct)
        {
            caller.Require(Role.Worker, "keep a worker profile");
            var skills = (command.Skills ?? []).Select(s => s.Trim()).Distinct(StringComparer.OrdinalIgnoreCase).ToArray();
            await db.ExecuteAsync(db.Dialect.Upsert("worker_profiles", ["worker_id"], Columns),
                new
                {
                    worker_id = caller.Id, bio = command.Bio.Trim(), region = command.Region.Trim(), weekly_hours = command.WeeklyHours,
                    availability = command.Availability.Trim(), updated_at = clock.GetUtcNow(),
                });
            // The row exists now (a first save inserted it at version 0). The version check is one conditional UPDATE: of
            // two tabs that read the same version the second finds it moved on and is refused, and the refusal rolls back
            // the row written just above with everything else.
            var versioned = await db.ExecuteAsync(
                "UPDATE worker_profiles SET row_version = row_version + 1 WHERE worker_id = @Me AND (@IfMatch IS NULL OR row_version = @IfMatch)",
                new { Me = caller.Id, IfMatch = RowVersions.IfMatch(command.IfMatch) });
            if (versioned == 0) throw RowVersions.Stale();
            await db.ExecuteAsync("UPDATE users SET is_individual = @IsIndividual WHERE id = @Me", new { command.IsIndividual, Me = caller.Id });
            await db.ExecuteAsync("DELETE FROM worker_skills WHERE worker_id = @Me", new { Me = caller.Id });
            await db.ExecuteAsync("INSERT INTO worker_skills (worker_id, skill) VALUES (@Me, @Skill)", skills.Select(s => new { Me = caller.Id, Skill = s }));
            if (command.InvoiceNumber is not null || command.LegalName is not null || command.PostalAddress is not null)
                await TaxDetails.SaveAsync(db, caller.Id, command.InvoiceNumber, command.LegalName, command.PostalAddress, clock.GetUtcNow());
            await Files.Attachments.ChoosePortfolioAsync(db, caller.Id, command.PortfolioFileIds);
            // The search tokens, in the same transaction: a search finds the profile exactly as it was written.
            await WorkerSearchIndex.WriteAsync(db, caller.Id, command.Bio.Trim(), skills, command.Region.Trim());
            return await mediator.Send(new GetWorker.Query(caller.Id), ct);
        }
    }

    public static void Map(IEndpointRouteBuilder workers) =>
        workers.MapPut("/me/worker-profile", (Command command, [FromHeader(Name = "If-Match")] string? ifMatch, IMediator mediator) =>
                mediator.Send(command with { IfMatch = ifMatch }))
            .WithName("UpdateWorkerProfile").WithETag().ProducesValidationProblem().ProducesProblem(403);
}
