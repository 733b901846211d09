namespace Marketplace.Platform;

/// <summary>
/// A refusal with its own status and a stable, language-neutral <see cref="Code"/> a client words in its user's
/// language: 413 (a file too large, a quota full) and 415 (a file type outside the allow-list) of uploads.
/// <see cref="MaxBytes"/>, when set, travels as <c>maxBytes</c>, so that the client says the limit in its own words.
/// </summary>
public sealed class ProblemException(int status, string title, string detail, string code, long? maxBytes = null) : Exception(detail)
{
    public int Status { get; } = status;
    public string Title { get; } = title;
    public string Code { get; } = code;
    public long? MaxBytes { get; } = maxBytes;
}
