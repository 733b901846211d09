namespace Marketplace.Platform;

// The refusals a handler throws; ProblemExceptionHandler turns each into its status code.

/// <summary>The object does not exist, or the caller may not know that it does (404).</summary>
public sealed class NotFoundException(string detail) : Exception(detail);

/// <summary>The caller is known but may not do this (403).</summary>
public sealed class ForbiddenException(string detail) : Exception(detail);

/// <summary>The request is valid but the object's state refuses it, e.g. awarding a job that is no longer open (409).</summary>
public sealed class ConflictException(string detail) : Exception(detail);
