namespace Marketplace.Producers;

/// <summary>Every route of the producers feature, mapped from here.</summary>
public static class ProducersRoutes
{
    public static void Map(IEndpointRouteBuilder api)
    {
        var links = api.MapGroup("/producer-links").RequireAuthorization().WithTags("Producers");
        LinkProducer.Map(links);
        ListProducerLinks.Map(links);
        ChangeProducerLink.Map(links);

        var producers = api.MapGroup("").RequireAuthorization().WithTags("Producers");
        InviteWorker.Map(producers);
        ListMyInvitations.Map(producers);
        GetPipeline.Map(producers);
        RecommendWorkers.Map(producers);
    }
}
