namespace Marketplace.Platform;

// The refusals a handler throws; ProblemExceptionHandler turns each into its status code.

/// <summary>The object does not exist, or the caller may not know that it does (404).</summary>
public sealed class NotFoundException(string detail) : Exception(detail);

/// <summary>The caller is known but may not do this (403).</summary>
public sealed class ForbiddenException(string detail) : Exception(detail);

/// <summary>
/// The request is valid but the object's state refuses it, e.g. awarding a job that is no longer open (409). The
/// problem carries <see cref="Code"/> as its <c>code</c>, a stable word a client can act on ("contractOnHold").
/// </summary>
public sealed class ConflictException(string detail, ConflictCode code) : Exception(detail)
{
    public ConflictCode Code { get; } = code;
}

/// <summary>
/// Too many attempts: the caller must wait (429, RFC 6585 §4). <see cref="RetryAfter"/> travels as the
/// Retry-After header (RFC 9110 §10.2.3).
/// </summary>
public sealed class TooManyRequestsException(TimeSpan retryAfter, string detail) : Exception(detail)
{
    public TimeSpan RetryAfter { get; } = retryAfter;
}
