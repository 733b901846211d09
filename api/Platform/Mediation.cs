using System.Reflection;
using FluentValidation;
using MediatR;

namespace Marketplace.Platform;

/// <summary>A request that changes data: it runs in one transaction (<see cref="TransactionBehavior{TRequest,TResponse}"/>).</summary>
public interface ICommand<out TResponse> : IRequest<TResponse>;

public static class Mediation
{
    /// <summary>
    /// FluentValidation's settings are process-wide: error keys name the JSON field ("budgetMax", "links[0]"),
    /// messages name it in words ("Budget Max"), and a field reports its first problem only.
    /// </summary>
    public static void UseValidationConventions()
    {
        ValidatorOptions.Global.PropertyNameResolver = (_, member, _) =>
            member is null ? null : System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(member.Name);
        ValidatorOptions.Global.DisplayNameResolver = (_, member, _) =>
            member is null ? null : System.Text.RegularExpressions.Regex.Replace(member.Name, "(?<!^)([A-Z])", " $1");
        ValidatorOptions.Global.DefaultRuleLevelCascadeMode = CascadeMode.Stop;
    }

    /// <summary>
    /// MediatR 5 has no DI package: register the mediator, every handler and every validator of the API
    /// assembly, the request's database session, and the pipeline behaviours.
    /// </summary>
    public static IServiceCollection AddMediation(this IServiceCollection services, Assembly assembly)
    {
        UseValidationConventions();
        services.AddScoped<ServiceFactory>(provider => provider.GetService!);
        services.AddScoped<IMediator, Mediator>();
        services.AddScoped<DbSession>();
        services.AddScoped<IdempotentRequest>();

        // Handlers of requests, and of notifications: what one feature publishes for others to act on in the same
        // transaction (a person's access ending, which ends their API tokens too), without knowing them.
        foreach (var type in assembly.GetTypes().Where(t => t is { IsAbstract: false, IsGenericTypeDefinition: false }))
        foreach (var contract in type.GetInterfaces().Where(i => i.IsGenericType &&
                     (i.GetGenericTypeDefinition() == typeof(IRequestHandler<,>) || i.GetGenericTypeDefinition() == typeof(INotificationHandler<>))))
            services.AddScoped(contract, type);

        AssemblyScanner.FindValidatorsInAssembly(assembly, includeInternalTypes: true)
            .ForEach(result => services.AddSingleton(result.InterfaceType, result.ValidatorType));

        // The order every request passes through, outermost first: a request is validated before any
        // transaction opens, so invalid input never touches the database.
        services.AddScoped(typeof(IPipelineBehavior<,>), typeof(ValidationBehavior<,>));
        services.AddScoped(typeof(IPipelineBehavior<,>), typeof(TransactionBehavior<,>));
        return services;
    }
}

/// <summary>
/// Every request is validated once, before its handler: first against what it declares may not be null
/// (<see cref="DeclaredNullability"/>), so that no validator or handler meets a null it did not declare, then by all
/// validators registered for its type.
/// </summary>
public sealed class ValidationBehavior<TRequest, TResponse>(IEnumerable<IValidator<TRequest>> validators)
    : IPipelineBehavior<TRequest, TResponse>
{
    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        if (request is not null && DeclaredNullability.Check(request) is { Count: > 0 } nulls) throw new ValidationException(nulls);
        var failures = new List<FluentValidation.Results.ValidationFailure>();
        foreach (var validator in validators)
            failures.AddRange((await validator.ValidateAsync(new ValidationContext<TRequest>(request), cancellationToken)).Errors);
        if (failures.Count > 0) throw new ValidationException(failures);
        return await next();
    }
}

/// <summary>
/// Every command runs in one transaction, decided here and nowhere else (as eShop's TransactionBehavior does):
/// the state check, the change, the ledger posting and the notifications commit together or not at all.
/// Queries read without one. A POST sent with an Idempotency-Key takes its key first thing in the transaction of its
/// (outermost) command, on every attempt, so that the key commits with the work or not at all (IdempotencyKeys.cs).
/// </summary>
public sealed class TransactionBehavior<TRequest, TResponse>(DbSession session, IdempotentRequest idempotent) : IPipelineBehavior<TRequest, TResponse>
{
    public Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        if (request is not ICommand<TResponse>) return next();
        if (session.InTransaction) return next();
        return session.InTransactionAsync(async () =>
        {
            await idempotent.ClaimAsync(session);
            return await next();
        }, cancellationToken);
    }
}
