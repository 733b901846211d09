using Swashbuckle.AspNetCore.SwaggerGen;

namespace Marketplace.Platform;

public static class OpenApi
{
    public static void Configure(SwaggerGenOptions o)
    {
        o.SwaggerDoc("v1", new() { Title = "Marketplace API", Version = "v1",
            Description = "Regional crowdsourcing marketplace: jobs, bids, contracts, submissions and reviews. " +
                          "Authenticate with the sign-in cookie (send 'X-CSRF: 1' on changes) or 'Authorization: Bearer <token>'." });
        // Nested request types (PostJob.Command, PlaceBid.Command…) need distinct schema names.
        o.CustomSchemaIds(t => t.FullName!.Replace("Marketplace.", "").Replace("+", ".").Replace("`1", ""));
        o.SupportNonNullableReferenceTypes();
    }
}
