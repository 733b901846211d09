using System.Globalization;

namespace Marketplace.Platform;

/// <summary>
/// An object a client replaces whole carries its row version as its <c>ETag</c> (issue 25): a counter each update adds one
/// to (migration 0039 says why a counter rather than a hash of the row). The answer's value implements
/// <see cref="IVersioned"/> and the route says <see cref="WithETag{TBuilder}"/>; an update sent with
/// <c>If-Match</c> changes the row only where its version is still the one named, in the UPDATE's own WHERE, so of
/// two tabs that read the same version one wins and the other gets a 412 <c>staleETag</c> with nothing changed.
/// Without If-Match an update is made as before (the last write wins).
/// </summary>
public static class RowVersions
{
    /// <summary>A strong validator: If-Match compares strongly (RFC 9110 §13.1.1), and a weak one never matches it.</summary>
    public static string ETagOf(long version) => "\"" + version.ToString(CultureInfo.InvariantCulture) + "\"";

    /// <summary>
    /// The version an If-Match header names: null when there is none, or "*" (any current version); <see cref="NoVersion"/>
    /// when it names something that is no version of ours (a weak tag, a list, garbage), which then matches nothing.
    /// </summary>
    public static long? IfMatch(string? header)
    {
        if (string.IsNullOrWhiteSpace(header) || header.Trim() == "*") return null;
        var tag = header.Trim();
        return tag.Length > 2 && tag[0] == '"' && tag[^1] == '"'
               && long.TryParse(tag[1..^1], NumberStyles.None, CultureInfo.InvariantCulture, out var version)
            ? version
            : NoVersion;
    }

    /// <summary>Matches no row: versions start at 0 and only grow.</summary>
    public const long NoVersion = -1;

    /// <summary>The refusal of an update whose If-Match names a version that is no longer the object's.</summary>
    public static ProblemException Stale() => new(412, "Precondition failed.",
        "Someone changed this since you read it (its ETag is not the one in If-Match); nothing was changed. Read it again, then send your change.",
        "staleETag");

    /// <summary>Sets the answer's <c>ETag</c> from the value the route returns, when it is <see cref="IVersioned"/>.</summary>
    public static TBuilder WithETag<TBuilder>(this TBuilder route) where TBuilder : IEndpointConventionBuilder =>
        route.WithMetadata(new ETagged()).AddEndpointFilter(async (context, next) =>
        {
            var result = await next(context);
            if (result is IVersioned versioned) context.HttpContext.Response.Headers.ETag = ETagOf(versioned.RowVersion);
            return result;
        });
}

/// <summary>A value read with its row version, which travels as the ETag header and never in the body.</summary>
public interface IVersioned
{
    long RowVersion { get; }
}

/// <summary>Endpoint metadata of a route whose answer carries an ETag (and, for an update, takes If-Match): for the OpenAPI document.</summary>
public sealed record ETagged;
