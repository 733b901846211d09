using System.Globalization;
using System.Reflection;
using System.Text.Json;
using FluentValidation;
using FluentValidation.Internal;
using FluentValidation.Validators;
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
        o.OperationFilter<OptionalJsonBodies>();
        o.SchemaFilter<ValidationLimits>();
    }

    /// <summary>
    /// The OpenAPI document (/swagger/v1/swagger.json) is served everywhere: integrators generate their clients from it.
    /// Swagger UI, an interactive console that needs a looser content security policy than the site
    /// (<see cref="SecurityHeaders.SwaggerUiPolicy"/>) and is one more page to keep patched, is served in Development and
    /// elsewhere only where OpenApi:SwaggerUi turns it on.
    /// </summary>
    public static WebApplication UseOpenApiDocument(this WebApplication app)
    {
        app.UseSwagger();
        if (app.Environment.IsDevelopment() || app.Configuration.GetValue<bool>("OpenApi:SwaggerUi"))
            app.UseSwaggerUI();
        return app;
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

    /// <summary>A body the handler reads itself when one is sent (<see cref="OptionalJsonBody"/>), published as optional.</summary>
    private sealed class OptionalJsonBodies : IOperationFilter
    {
        public void Apply(OpenApiOperation operation, OperationFilterContext context)
        {
            if (context.ApiDescription.ActionDescriptor.EndpointMetadata.OfType<OptionalJsonBody>().FirstOrDefault() is not { } body) return;
            operation.RequestBody = new OpenApiRequestBody
            {
                Required = false,
                Content = new Dictionary<string, IOpenApiMediaType>
                {
                    ["application/json"] = new OpenApiMediaType { Schema = context.SchemaGenerator.GenerateSchema(body.Type, context.SchemaRepository) },
                },
            };
        }
    }

    /// <summary>
    /// The limits the API's FluentValidation validators enforce, published on the request schemas (and on query
    /// parameters of validated queries), so that clients read them from the document instead of copying numbers:
    /// MaximumLength/MinimumLength/Length become maxLength/minLength, InclusiveBetween and comparisons with a
    /// constant become minimum/maximum, MaxItems becomes maxItems, NotNull/NotEmpty (and NotBlank, coded "required") make the field required.
    /// Rules under a condition (When/Unless) hold only sometimes and are left out; RuleForEach limits go on the items.
    /// The validators are the registered ones (see <see cref="Mediation.AddMediation"/>), built with their
    /// dependencies (PostJob's clock), so the document reads exactly the rules that run.
    /// </summary>
    private sealed class ValidationLimits(IServiceProvider services) : ISchemaFilter
    {
        public void Apply(IOpenApiSchema schema, SchemaFilterContext context)
        {
            if (schema is not OpenApiSchema target) return;
            if (target.Properties is { Count: > 0 } properties)
            {
                foreach (var rule in RulesOf(context.Type))
                {
                    var name = properties.Keys.FirstOrDefault(k => string.Equals(k, rule.Member!.Name, StringComparison.OrdinalIgnoreCase));
                    if (name is null) continue;
                    // A $ref property (an enum) takes no limits of its own, but can still be required.
                    var property = properties[name] as OpenApiSchema;
                    if (IsForEach(rule))
                    {
                        if (property?.Items is OpenApiSchema items) Limit(items, rule);
                        continue;
                    }
                    if (property is not null) Limit(property, rule);
                    if (!Requires(rule)) continue;
                    // A value the validator refuses when absent or null is neither optional nor nullable.
                    target.Required ??= new HashSet<string>();
                    target.Required.Add(name);
                    if (property?.Type is { } type) property.Type = type & ~JsonSchemaType.Null;
                }
            }
            // A query parameter bound from a validated query's property ([AsParameters]).
            else if (context.MemberInfo is PropertyInfo { DeclaringType: { } query } member)
            {
                foreach (var rule in RulesOf(query).Where(r => r.Member!.Name == member.Name && !IsForEach(r)))
                    Limit(target, rule);
            }
        }

        private IEnumerable<IValidationRule> RulesOf(Type type) =>
            services.GetServices(typeof(IValidator<>).MakeGenericType(type)).OfType<IValidator>()
                .SelectMany(validator => validator.CreateDescriptor().Rules)
                .Where(rule => rule.Member is not null && !rule.HasCondition && !rule.HasAsyncCondition);

        private static bool IsForEach(IValidationRule rule) =>
            rule.GetType().GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(ICollectionRule<,>));

        private static IEnumerable<IRuleComponent> Unconditional(IValidationRule rule) =>
            rule.Components.Where(c => !c.HasCondition && !c.HasAsyncCondition);

        /// <summary>NotNull, NotEmpty, or NotBlank (Problems.cs: a predicate coded "required", like NotEmpty).</summary>
        private static bool IsRequiredCheck(IRuleComponent component) =>
            component.Validator is INotNullValidator or INotEmptyValidator ||
            component is { Validator: IPredicateValidator, ErrorCode: "required" };

        private static bool Requires(IValidationRule rule) => Unconditional(rule).Any(IsRequiredCheck);

        /// <summary>Sets the rule's lengths and bounds on the schema of the value it checks.</summary>
        private static void Limit(OpenApiSchema schema, IValidationRule rule)
        {
            foreach (var component in Unconditional(rule))
            {
                switch (component.Validator)
                {
                    case ILengthValidator length:
                        if (length.Max > 0) schema.MaxLength = Math.Min(schema.MaxLength ?? int.MaxValue, length.Max);
                        if (length.Min > 0) schema.MinLength = Math.Max(schema.MinLength ?? 0, length.Min);
                        break;
                    case IMaxItemsValidator items:
                        schema.MaxItems = items.Max;
                        break;
                    case IBetweenValidator between when between.Name == "InclusiveBetweenValidator":
                        schema.Minimum = Number(between.From);
                        schema.Maximum = Number(between.To);
                        break;
                    case IComparisonValidator { MemberToCompare: null, ValueToCompare: { } value } comparison:
                        if (comparison.Comparison == Comparison.GreaterThanOrEqual) schema.Minimum = Number(value);
                        if (comparison.Comparison == Comparison.LessThanOrEqual) schema.Maximum = Number(value);
                        break;
                }
                // Text that must not be empty (or blank) has at least one character.
                if (component.Validator is not INotNullValidator && IsRequiredCheck(component) && schema.Type?.HasFlag(JsonSchemaType.String) == true)
                    schema.MinLength = Math.Max(schema.MinLength ?? 0, 1);
            }
        }

        private static string? Number(object? value) => value switch
        {
            null => null,
            IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
            _ => value.ToString(),
        };
    }
}

/// <summary>
/// Endpoint metadata of a route whose JSON body may be left out: the handler reads it itself, because a bound body (even
/// an optional one) makes routing pass over a request that sends none.
/// </summary>
public sealed record OptionalJsonBody(Type Type);
