using System.Text.Json;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Marketplace.Platform;

public static class OpenApi
{
    public static void Configure(SwaggerGenOptions o)
    {
        o.SwaggerDoc("v1", new() { Title = "Marketplace API", Version = "v1",
            Description = "Regional crowdsourcing marketplace: jobs, bids, contracts, submissions and reviews. " +
                          "Authenticate with the sign-in cookie (send 'X-CSRF: 1' on changes) or 'Authorization: Bearer <token>'." });
        o.CustomSchemaIds(SchemaId);
        o.SupportNonNullableReferenceTypes();
        // What C# says cannot be null is always present on the wire; the TypeScript client then need not guess.
        o.NonNullableReferenceTypesAsRequired();
        o.OperationFilter<CamelCaseQueryParameters>();
    }

    /// <summary>
    /// Nested request types (PostJob.Command, PlaceBid.Command…) need distinct names, and generic pages need
    /// names a TypeScript generator can carry: Page&lt;Job&gt; becomes "Platform.PageOfJobs.Job".
    /// </summary>
    private static string SchemaId(Type type)
    {
        var name = type.FullName is { } full && !type.IsGenericType ? full : $"{type.Namespace}.{type.Name}";
        name = name.Replace("Marketplace.", "").Replace("+", ".");
        if (type.IsGenericType)
            name = name[..name.IndexOf('`')] + "Of" + string.Concat(type.GetGenericArguments().Select(SchemaId));
        return name;
    }

    /// <summary>Query parameters bind case-insensitively; publish them as the camelCase names the JSON uses.</summary>
    private sealed class CamelCaseQueryParameters : IOperationFilter
    {
        public void Apply(OpenApiOperation operation, OperationFilterContext context)
        {
            foreach (var parameter in operation.Parameters?.OfType<OpenApiParameter>() ?? [])
                if (parameter.In == ParameterLocation.Query && !string.IsNullOrEmpty(parameter.Name))
                    parameter.Name = JsonNamingPolicy.CamelCase.ConvertName(parameter.Name);
        }
    }
}
