using System.Globalization;
using System.Reflection;
using System.Text.Json;
using FluentValidation;
using FluentValidation.Internal;
using FluentValidation.Validators;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
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
        o.OperationFilter<ValidationLimits>();
        o.OperationFilter<WhatEachOperationAnswers>();
        o.OperationFilter<BoundedParameters>();
        o.DocumentFilter<ServerSetFields>();
    }

    /// <summary>The security schemes' names in the document; the features that authenticate define them (Accounts, Tokens).</summary>
    public const string CookieScheme = "cookie";

    public const string BearerScheme = "bearer";

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
            app.UseSwaggerUI(ui =>
            {
                // Swagger UI 5.3x (Swashbuckle 11.0.1 serves 5.34.1) virtualizes the operations list once it has 150 rows
                // (tag headings plus the operations of open tags; swagger-ui-bundle.js: "B.length>=150"): only the rows
                // near the viewport are in the page, so the rest look missing (a full-page screenshot shows the first
                // tag's first operations, then blank space, then the schemas), the browser's find cannot find them, and
                // a test cannot reach them. With every tag folded the list is only the tag headings (fewer than 30), all
                // in the page; a person opens the tags wanted, each showing all its operations (opening nearly all of
                // them brings the virtual list back, which then still scrolls correctly).
                ui.DocExpansion(Swashbuckle.AspNetCore.SwaggerUI.DocExpansion.None);
            });
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

    /// <summary>
    /// The bounds the platform enforces on parameters no validator describes, published from the constants the checks
    /// use: every text path parameter at most <see cref="PathParameters.MaxLength"/> characters (the same route
    /// parameters <see cref="PathParameters.BoundPathParameters"/> refuses longer), and a keyset page's <c>limit</c>
    /// (1 to <see cref="Paging.MaxLimit"/>, default <see cref="Paging.DefaultLimit"/>; a value outside is taken as the
    /// nearest bound, <see cref="Paging.Clamp"/>) and <c>cursor</c> (at most <see cref="Paging.MaxCursorLength"/>).
    /// </summary>
    private sealed class BoundedParameters : IOperationFilter
    {
        public void Apply(OpenApiOperation operation, OperationFilterContext context)
        {
            var parameters = operation.Parameters?.OfType<OpenApiParameter>().ToList() ?? [];
            var route = Microsoft.AspNetCore.Routing.Patterns.RoutePatternFactory.Parse("/" + context.ApiDescription.RelativePath);
            foreach (var part in route.Parameters.Where(PathParameters.IsBounded))
                if (parameters.FirstOrDefault(p => p.In == ParameterLocation.Path && p.Name == part.Name)?.Schema is OpenApiSchema text)
                    text.MaxLength = PathParameters.MaxLength;

            var query = parameters.Where(p => p.In == ParameterLocation.Query).ToDictionary(p => p.Name ?? "");
            if (!query.TryGetValue(Paging.CursorParameter, out var cursor)) return;
            if (cursor.Schema is OpenApiSchema token) token.MaxLength ??= Paging.MaxCursorLength;
            cursor.Description ??= "The nextCursor of the page before; leave out for the first page.";
            if (query.TryGetValue(Paging.LimitParameter, out var limit) && limit.Schema is OpenApiSchema size && size.Maximum is null)
            {
                size.Minimum = "1";
                size.Maximum = Paging.MaxLimit.ToString(CultureInfo.InvariantCulture);
                size.Default = System.Text.Json.Nodes.JsonValue.Create(Paging.DefaultLimit);
                limit.Description ??= $"Items per page; a value outside 1 to {Paging.MaxLimit} is taken as the nearest of the two.";
            }
        }
    }

    /// <summary>
    /// Fields the server sets are <c>readOnly</c> (docs/api.md, "Read-only fields"): in every schema an answer carries,
    /// a property named for what only the server assigns (<see cref="IsServerSet"/>). The API's request bodies are
    /// types of their own (a use case's Command), never an answer's, so the schemas only requests use are left as they
    /// are; a schema both sides use gets the marks too, which then tell a client not to send those fields. An enum
    /// property is a $ref, whose siblings OpenAPI 3.0 ignores: it is marked through a one-item allOf.
    /// </summary>
    internal sealed class ServerSetFields : IDocumentFilter
    {
        public void Apply(OpenApiDocument document, DocumentFilterContext context)
        {
            var schemas = document.Components?.Schemas;
            if (schemas is null) return;
            var answered = new HashSet<string>();
            foreach (var operation in document.Paths.Values.SelectMany(p => p.Operations?.Values.AsEnumerable() ?? []))
                foreach (var response in operation.Responses?.Values.AsEnumerable() ?? [])
                    foreach (var media in response.Content?.Values.AsEnumerable() ?? [])
                        Reach(media.Schema, schemas, answered);
            foreach (var name in answered)
                if (schemas[name] is OpenApiSchema { Properties: { } properties })
                    foreach (var field in properties.Keys.Where(IsServerSet).ToList())
                        properties[field] = properties[field] switch
                        {
                            OpenApiSchema plain => Marked(plain),
                            var reference => new OpenApiSchema { AllOf = [reference], ReadOnly = true },
                        };
        }

        /// <summary>
        /// What only the server assigns: an object's id and sequence, the times it was made and changed, its status and
        /// version (an ETag's source), and the figures it computes (counts and totals).
        /// </summary>
        public static bool IsServerSet(string name) =>
            name is "id" or "sequence" or "createdAt" or "updatedAt" or "status" or "version" or "rowVersion"
            || name.EndsWith("Count", StringComparison.Ordinal) || name.EndsWith("Total", StringComparison.Ordinal)
            || name.StartsWith("total", StringComparison.Ordinal);

        private static OpenApiSchema Marked(OpenApiSchema schema)
        {
            schema.ReadOnly = true;
            return schema;
        }

        /// <summary>Adds the components a schema refers to, and theirs, to <paramref name="reached"/>.</summary>
        private static void Reach(IOpenApiSchema? schema, IDictionary<string, IOpenApiSchema> schemas, HashSet<string> reached)
        {
            if (schema is null) return;
            if (schema is OpenApiSchemaReference { Reference.Id: { } id })
            {
                if (reached.Add(id) && schemas.TryGetValue(id, out var target)) Reach(target, schemas, reached);
                return;
            }
            foreach (var child in (schema.Properties?.Values ?? []).Concat(schema.AllOf ?? []).Concat(schema.AnyOf ?? [])
                         .Concat(schema.OneOf ?? []).Append(schema.Items).Append(schema.AdditionalProperties))
                Reach(child, schemas, reached);
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
    private sealed class ValidationLimits(IServiceProvider services) : ISchemaFilter, IOperationFilter
    {
        /// <summary>
        /// Query and path parameters a route binds one by one (<c>(string id, string? badge, …) =&gt; new Query { … }</c>)
        /// rather than with [AsParameters]: the rules of the use case's own request types (nested in the class around the
        /// route's handler, as <see cref="OperationDocs"/> finds it) whose member has the parameter's name. Here a
        /// pattern the validator matches (Matches) is published too: a parameter is one value, with no JSON type of its
        /// own to say more.
        /// </summary>
        public void Apply(OpenApiOperation operation, OperationFilterContext context)
        {
            var useCase = context.ApiDescription.ActionDescriptor.EndpointMetadata.OfType<MethodInfo>().FirstOrDefault()?.DeclaringType;
            while (useCase is not null && useCase.Name.StartsWith('<')) useCase = useCase.DeclaringType;
            if (useCase is null) return;
            var rules = useCase.GetNestedTypes().Where(t => !t.IsGenericTypeDefinition).SelectMany(RulesOf).Where(r => !IsForEach(r)).ToList();
            if (rules.Count == 0) return;
            foreach (var parameter in operation.Parameters?.OfType<OpenApiParameter>() ?? [])
            {
                if (parameter.In is not (ParameterLocation.Query or ParameterLocation.Path) || parameter.Schema is not OpenApiSchema schema) continue;
                foreach (var rule in rules.Where(r => string.Equals(r.Member!.Name, parameter.Name, StringComparison.OrdinalIgnoreCase)))
                {
                    Limit(schema, rule);
                    if (Unconditional(rule).Select(c => c.Validator).OfType<IRegularExpressionValidator>().FirstOrDefault() is { } matches)
                        schema.Pattern = matches.Expression;
                }
            }
        }

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
/// What the document says of each operation beyond its own declarations (issue 25: the document says what the API does),
/// read from the same endpoint metadata the pipeline acts on, so that it cannot drift from it: how to authenticate (cookie
/// or bearer where the route requires a person; none where it is anonymous), the token scope it needs, the answers the
/// platform gives to any such operation (401 and 403 signed in, 404 with a path parameter, a POST's Idempotency-Key
/// header and its 409/422, 412 for If-Match, 429 with Retry-After where a rate limit applies), the ETag header, and a
/// description from the use case's own summary.
/// </summary>
internal sealed class WhatEachOperationAnswers : IOperationFilter
{
    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        var metadata = context.ApiDescription.ActionDescriptor.EndpointMetadata;
        var method = context.ApiDescription.HttpMethod?.ToUpperInvariant() ?? "GET";
        var signedIn = metadata.OfType<IAuthorizeData>().Any() && !metadata.OfType<IAllowAnonymous>().Any();
        var scope = metadata.OfType<ScopeDeclaration>().LastOrDefault();

        operation.Security = signedIn
            ?
            [
                new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(OpenApi.CookieScheme, context.Document)] = [] },
                new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(OpenApi.BearerScheme, context.Document)] = [] },
            ]
            : [];

        operation.Responses ??= new OpenApiResponses();
        if (signedIn)
        {
            Problem(operation, context, 401, "Not signed in: no session cookie, or a token that is unknown, revoked or expired.");
            Problem(operation, context, 403, "Not allowed: the caller's role or relation to the object, or a token without the scope this operation needs (code missingScope, with scope) or used where only a person may act (code personOnly).");
        }
        if (context.ApiDescription.RelativePath?.Contains('{') == true)
            Problem(operation, context, 404, $"No such object, or one the caller may not see (a path parameter longer than {PathParameters.MaxLength} characters names none).");
        if (method == "POST" && signedIn)
        {
            operation.Parameters ??= [];
            operation.Parameters.Add(new OpenApiParameter
            {
                Name = IdempotencyKeys.Header, In = ParameterLocation.Header, Required = false,
                Description = "Makes a retry safe: the same key with the same request within 24 hours answers the first answer again without doing the work twice (docs/integrations.md).",
                Schema = new OpenApiSchema { Type = JsonSchemaType.String, MinLength = 1, MaxLength = IdempotencyKeys.MaxKeyLength },
            });
            Problem(operation, context, 409, "The object's state refuses this (code says which), or the Idempotency-Key's first request has not answered yet (idempotencyKeyInUse).");
            Problem(operation, context, 422, "The Idempotency-Key was used for another request (idempotencyKeyReused).");
        }
        if (metadata.OfType<ETagged>().Any())
        {
            foreach (var (status, response) in operation.Responses)
                if (status.StartsWith('2') && response is OpenApiResponse answer)
                    (answer.Headers ??= new Dictionary<string, IOpenApiHeader>())["ETag"] = new OpenApiHeader
                    {
                        Description = "The object's version: send it back as If-Match to update it only if nobody changed it since.",
                        Schema = new OpenApiSchema { Type = JsonSchemaType.String },
                    };
            if (method is "PUT" or "PATCH")
                Problem(operation, context, 412, "If-Match named a version that is no longer the object's (code staleETag): nothing was changed.");
        }
        if (metadata.OfType<EnableRateLimitingAttribute>().Any())
            Problem(operation, context, 429, "Too many requests: wait as long as Retry-After says.");
        if (operation.Responses.TryGetValue("429", out var tooMany) && tooMany is OpenApiResponse limited)
            (limited.Headers ??= new Dictionary<string, IOpenApiHeader>())["Retry-After"] = new OpenApiHeader
            {
                Description = "Seconds to wait before trying again.",
                Schema = new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32", Minimum = "1" },
            };

        if (string.IsNullOrWhiteSpace(operation.Description))
            operation.Description = OperationDocs.Summary(metadata) ?? Words(operation.OperationId ?? method) + ".";
        if (signedIn && scope is not null)
        {
            var needed = scope.Open ? null : scope.For(method);
            operation.Description += needed is { } s
                ? $"\n\nAPI token scope: `{TokenScopes.NameOf(s)}`."
                : "\n\nNot open to API tokens made with scopes: only a person signed in.";
        }
    }

    private static void Problem(OpenApiOperation operation, OperationFilterContext context, int status, string description)
    {
        var key = status.ToString(CultureInfo.InvariantCulture);
        if (operation.Responses!.ContainsKey(key)) return;
        operation.Responses[key] = new OpenApiResponse
        {
            Description = description,
            Content = new Dictionary<string, IOpenApiMediaType>
            {
                ["application/problem+json"] = new OpenApiMediaType { Schema = context.SchemaGenerator.GenerateSchema(typeof(ProblemDetails), context.SchemaRepository) },
            },
        };
    }

    /// <summary>"ListJobs" → "List jobs": the operation's name, when its use case has no summary.</summary>
    private static string Words(string name) => Regex.Replace(name, "(?<=[a-z])(?=[A-Z])", " ").ToLowerInvariant() is var words && words.Length > 0
        ? char.ToUpperInvariant(words[0]) + words[1..]
        : name;
}

/// <summary>
/// An operation's description: the XML summary of the use case that maps it (the class around the route's handler),
/// read from the API's documentation file, so that the document says what the code's own comment says.
/// </summary>
internal static class OperationDocs
{
    private static readonly Lazy<Dictionary<string, string>> Summaries = new(Read);

    public static string? Summary(IEnumerable<object> metadata)
    {
        var handler = metadata.OfType<MethodInfo>().FirstOrDefault();
        for (var type = handler?.DeclaringType; type is not null; type = type.DeclaringType)
        {
            if (type.Name.StartsWith('<')) continue; // a lambda's closure: its use case is around it
            if (Summaries.Value.TryGetValue("T:" + type.FullName!.Replace('+', '.'), out var summary)) return summary;
        }
        return null;
    }

    private static Dictionary<string, string> Read()
    {
        var file = Path.Combine(AppContext.BaseDirectory, typeof(OperationDocs).Assembly.GetName().Name + ".xml");
        if (!File.Exists(file)) return [];
        return XDocument.Load(file).Descendants("member")
            .Where(m => m.Attribute("name")?.Value.StartsWith("T:", StringComparison.Ordinal) == true && m.Element("summary") is not null)
            .ToDictionary(m => m.Attribute("name")!.Value, m => Text(m.Element("summary")!));
    }

    /// <summary>The summary as plain text: a cref names its last segment, code stays as written, white space is one space.</summary>
    private static string Text(XElement summary)
    {
        var parts = summary.Nodes().Select(node => node switch
        {
            XText text => text.Value,
            XElement { Name.LocalName: "see" or "seealso" } see =>
                see.Value is { Length: > 0 } shown ? shown : (see.Attribute("cref")?.Value ?? see.Attribute("langword")?.Value ?? "").Split('.', ':')[^1],
            XElement { Name.LocalName: "paramref" or "typeparamref" } name => name.Attribute("name")?.Value ?? "",
            XElement element => element.Value,
            _ => "",
        });
        return Regex.Replace(string.Concat(parts), @"\s+", " ").Trim();
    }
}

/// <summary>
/// Endpoint metadata of a route whose JSON body may be left out: the handler reads it itself, because a bound body (even
/// an optional one) makes routing pass over a request that sends none.
/// </summary>
public sealed record OptionalJsonBody(Type Type);
