using MediatR;
using Marketplace.Platform;
using Microsoft.Extensions.Options;

namespace Marketplace.Payouts;

/// <summary>An administrator downloads a gathered batch as the Zengin file to upload to the operator's bank.</summary>
public static class DownloadZenginFile
{
    public sealed record Query(string BatchId) : IRequest<ZenginDownload>;

    public sealed record ZenginDownload(byte[] Content, string FileName);

    public sealed class Handler(IMediator mediator, IOptions<PayoutOptions> options) : IRequestHandler<Query, ZenginDownload>
    {
        public async Task<ZenginDownload> Handle(Query query, CancellationToken ct)
        {
            var batch = await mediator.Send(new GetPayoutBatch.Query(query.BatchId), ct); // administrators only; 404 for no batch
            var sender = options.Value.Sender;
            if (sender.Problem() is { } problem)
                throw new ConflictException($"The operator's bank account is not set up for transfer files: {problem}", ConflictCode.SenderNotSetUp);
            // Every transfer gathered is in the file, in the batch's order; the customer code numbers them from 1 so that
            // the bank's result list can be matched back to the batch.
            var transfers = batch.Payouts!.Select((p, i) => new ZenginFile.Transfer(p.BankCode, p.BranchCode, p.AccountType, p.AccountNumber,
                p.HolderName, p.Net, (i + 1).ToString())).ToList();
            return new ZenginDownload(ZenginFile.Write(sender, batch.TransferOn, transfers), $"zengin-{batch.TransferOn:yyyyMMdd}-{batch.Id[..8]}.txt");
        }
    }

    public static void Map(IEndpointRouteBuilder payouts) =>
        payouts.MapGet("/admin/payout-batches/{id}/zengin", async (string id, IMediator mediator) =>
            {
                var file = await mediator.Send(new Query(id));
                return TypedResults.File(file.Content, "text/plain; charset=Shift_JIS", file.FileName);
            })
            .WithName("DownloadZenginFile").Produces(200, contentType: "text/plain").ProducesProblem(403).ProducesProblem(404).ProducesProblem(409);
}
