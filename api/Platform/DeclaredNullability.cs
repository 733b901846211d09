using System.Collections;
using System.Collections.Concurrent;
using System.Reflection;
using System.Text.Json.Serialization;
using FluentValidation.Results;

namespace Marketplace.Platform;

/// <summary>
/// What a request declares may not be null arrives non-null, or the request is a 400 naming the field. JSON binding sets
/// a property to null whatever C# declares (<c>{"bankCode": null}</c> overrides its <c>= ""</c>), and a null a validator
/// or handler did not expect became a 500: a NOT NULL constraint, or a null reference in a validator reading
/// <c>kinds[0].kind</c> (issue 22). So every request is checked here, before its validators
/// (<see cref="ValidationBehavior{TRequest,TResponse}"/>), against its own nullable annotations: a property declared
/// <c>string</c> (not <c>string?</c>) must not be null, nor an item of a list declared <c>IReadOnlyList&lt;KindSetting&gt;</c>,
/// and the objects inside are checked the same way. The OpenAPI document says the same: such a property is required and
/// not nullable (<see cref="OpenApi"/>, NonNullableReferenceTypesAsRequired). The failure reads like any other field's
/// ("bankCode", "kinds[0]", coded "required"), so no feature writes a NotNull rule for each field, or forgets one.
/// </summary>
public static class DeclaredNullability
{
    private sealed record Member(PropertyInfo Property, string Name, string DisplayName, bool MayBeNull, bool ItemsMayBeNull);

    private static readonly ConcurrentDictionary<Type, Member[]> MembersByType = new();

    /// <summary>Each null where the request's type declares none, with the field's JSON path.</summary>
    public static List<ValidationFailure> Check(object request)
    {
        var failures = new List<ValidationFailure>();
        Check(request, "", failures, depth: 0);
        return failures;
    }

    private static void Check(object value, string prefix, List<ValidationFailure> failures, int depth)
    {
        // Request bodies are shallow; the bound keeps a cyclic object (none is bound from JSON) from recursing forever.
        if (depth > 8) return;
        foreach (var member in MembersOf(value.GetType()))
        {
            var name = prefix + member.Name;
            var field = member.Property.GetValue(value);
            if (field is null)
            {
                if (!member.MayBeNull) failures.Add(Missing(name, $"'{member.DisplayName}' must not be null."));
                continue;
            }
            if (field is string) continue;
            if (field is IEnumerable items)
            {
                var index = 0;
                foreach (var item in items)
                {
                    var itemName = $"{name}[{index++}]";
                    if (item is null)
                    {
                        if (!member.ItemsMayBeNull) failures.Add(Missing(itemName, $"'{member.DisplayName}' must not hold null (item {index - 1})."));
                    }
                    else if (IsRequestPart(item.GetType())) Check(item, itemName + ".", failures, depth + 1);
                }
            }
            else if (IsRequestPart(field.GetType())) Check(field, name + ".", failures, depth + 1);
        }
    }

    private static ValidationFailure Missing(string name, string message) => new(name, message) { ErrorCode = "NotNullValidator" };

    /// <summary>An object of the API's own types (a nested request part such as a KindSetting), not a string, an enum or a framework type.</summary>
    private static bool IsRequestPart(Type type) =>
        type.Assembly == typeof(DeclaredNullability).Assembly && type is { IsEnum: false, IsPrimitive: false };

    private static Member[] MembersOf(Type type) => MembersByType.GetOrAdd(type, static type =>
    {
        var context = new NullabilityInfoContext();
        return type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            // What JSON binds: public, settable (or a positional record's init) and not set by the route instead.
            .Where(p => p.CanRead && p.CanWrite && p.GetIndexParameters().Length == 0 && p.GetCustomAttribute<JsonIgnoreAttribute>() is null)
            .Select(p =>
            {
                var nullability = context.Create(p);
                var items = nullability.ElementType ?? (nullability.GenericTypeArguments is [var only] ? only : null);
                return new Member(p, System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(p.Name),
                    System.Text.RegularExpressions.Regex.Replace(p.Name, "(?<!^)([A-Z])", " $1"),
                    MayBeNull: nullability.WriteState != NullabilityState.NotNull,
                    ItemsMayBeNull: items is null || items.WriteState != NullabilityState.NotNull);
            })
            .ToArray();
    });
}
