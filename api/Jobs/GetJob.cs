using MediatR;
using Marketplace.Platform;

namespace Marketplace.Jobs;

public static class GetJob
{
    public sealed record Query(string Id) : IRequest<Job>;

    public sealed class Handler(Db db, Caller caller) : IRequestHandler<Query, Job>
    {
        public async Task<Job> Handle(Query query, CancellationToken ct)
        {
            await using var connection = await db.OpenAsync(ct);
            return await JobSql.GetVisibleAsync(connection, query.Id, caller);
        }
    }
}
