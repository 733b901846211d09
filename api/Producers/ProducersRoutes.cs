using Marketplace.Platform;
namespace Marketplace.Producers;

/// <summary>Every route of the producers feature, mapped from here.</summary>
public static class ProducersRoutes
{
    public static void Map(IEndpointRouteBuilder api)
    {
        var producers = api.MapGroup("").RequireAuthorization().WithTags("Producers").RequireScope(TokenScope.Read, null);
        LinkProducer.Map(producers);
        ListProducerLinks.Map(producers);
        AcceptProducerLink.Map(producers);
        DeclineProducerLink.Map(producers);
        EndProducerLink.Map(producers);
        InviteWorker.Map(producers);
        ListMyInvitations.Map(producers);
        GetPipeline.Map(producers);
        RecommendWorkers.Map(producers);
    }
}
