namespace Marketplace.Mail;

/// <summary>The language of the person reading an answer made for reading (a CSV a bookkeeper opens), as its request asks.</summary>
public static class ReaderLanguage
{
    /// <summary>
    /// From Accept-Language (RFC 9110 §12.5.4: the highest-weighted of ours), as the web client sends its own; Japanese,
    /// the site's language, when the header names neither.
    /// </summary>
    public static Language Of(HttpRequest request)
    {
        foreach (var range in request.GetTypedHeaders().AcceptLanguage.OrderByDescending(r => r.Quality ?? 1))
        {
            if (range.Quality == 0) continue;
            var tag = range.Value.Value ?? "";
            if (tag.StartsWith("ja", StringComparison.OrdinalIgnoreCase)) return Language.Ja;
            if (tag.StartsWith("en", StringComparison.OrdinalIgnoreCase)) return Language.En;
        }
        return Language.Ja;
    }
}
