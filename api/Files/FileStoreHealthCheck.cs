using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Marketplace.Files;

/// <summary>
/// <c>/health</c>'s "fileStore": the store answers a listing (the folder is readable; an object store's bucket answers).
/// A node that cannot reach its store can take no upload and serve no file, so a load balancer should send it nothing.
/// </summary>
public sealed class FileStoreHealthCheck(IFileStore store) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
    {
        try
        {
            await foreach (var _ in store.ListAsync(ct)) break;
            return HealthCheckResult.Healthy(store.Description);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy($"The file store ({store.Description}) is not reachable.", e);
        }
    }
}
