using MediatR;
using Marketplace.Files;
using Marketplace.Platform;

namespace Marketplace.Ndas;

/// <summary>An NDA job's confidential part: its full description and its reference files.</summary>
public sealed record ConfidentialDetails(string JobId, string? FullDescription, IReadOnlyList<StoredFile> Files);

/// <summary>
/// <c>GET /api/jobs/{id}/confidential</c>: the full description and the reference files of a job under an NDA, for
/// its business, its producers and the workers who accepted the NDA; another worker who sees the job gets 403 with the
/// code that says what to do (ndaRequired, identityNotVerified), never the text or the files; anyone else 404.
/// </summary>
public static class GetConfidentialDetails
{
    public sealed record Query(string JobId) : IRequest<ConfidentialDetails>;

    public sealed class Handler(DbSession db, Caller caller) : IRequestHandler<Query, ConfidentialDetails>
    {
        public async Task<ConfidentialDetails> Handle(Query query, CancellationToken ct)
        {
            var description = await db.QuerySingleOrDefaultAsync<Row>(
                """
                SELECT j.full_description, j.nda FROM jobs j
                WHERE j.id = @JobId AND EXISTS (SELECT 1 FROM job_viewers v WHERE v.job_id = j.id AND v.user_id = @Me)
                """, new { query.JobId, Me = caller.Id }) ?? throw new NotFoundException("No such job.");
            if (description.Nda == JobNda.None) throw new ConflictException("This job asks for no NDA: its description and files are on the job.", ConflictCode.NoNda);
            if (await NdaGate.RefusalAsync(db, query.JobId, caller.Id) is { } refusal) throw refusal;
            var files = (await Attachments.OfAsync(db, AttachTo.Job, [query.JobId]))[query.JobId].ToList();
            return new ConfidentialDetails(query.JobId, description.FullDescription, files);
        }
    }

    private sealed class Row
    {
        public string? FullDescription { get; init; }
        public JobNda Nda { get; init; }
    }

    public static void Map(IEndpointRouteBuilder ndas) =>
        ndas.MapGet("/jobs/{id}/confidential", (string id, IMediator mediator) => mediator.Send(new Query(id)))
            .WithName("GetConfidentialDetails").ProducesProblem(403).ProducesProblem(404);
}
