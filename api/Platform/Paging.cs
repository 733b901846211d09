using System.Buffers.Text;
using System.Text;
using FluentValidation;

namespace Marketplace.Platform;

public sealed record Page<T>(IReadOnlyList<T> Items, string? NextCursor);

/// <summary>
/// Keyset paging over time-ordered ids, newest first. The cursor is the last id seen, wrapped so that
/// callers treat it as opaque.
/// </summary>
public static class Paging
{
    public const int DefaultLimit = 20;
    public const int MaxLimit = 100;

    /// <summary>
    /// No cursor the API issues is longer (this one's <c>k:</c> and a 64-character id are 88; the cursors of a feature's
    /// own ranking keep to it too): a longer one is refused before it is decoded, and the OpenAPI document publishes this
    /// bound on every <c>cursor</c> parameter (<see cref="OpenApi"/>).
    /// </summary>
    public const int MaxCursorLength = 160;

    /// <summary>The query parameters of a keyset page, as the OpenAPI document names them.</summary>
    public const string LimitParameter = "limit";

    public const string CursorParameter = "cursor";

    public static int Clamp(int? limit) => Math.Clamp(limit ?? DefaultLimit, 1, MaxLimit);

    public static string Encode(string lastId) => Base64Url.EncodeToString(Encoding.UTF8.GetBytes("k:" + lastId));

    public static string? Decode(string? cursor)
    {
        if (string.IsNullOrEmpty(cursor) || cursor.Length > MaxCursorLength) return null;
        try
        {
            var text = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(cursor));
            return text.StartsWith("k:", StringComparison.Ordinal) && text.Length is > 2 and <= 66 ? text[2..] : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }

    /// <summary>
    /// The keyset bound for <c>id &lt; @After</c>: the cursor's id, or on the first page a text above every id
    /// (ids are lower-case hex), so that the condition is always a plain range the index can seek.
    /// </summary>
    public static string After(string? cursor) => Decode(cursor) ?? "~";

    /// <summary>Reads one row more than asked to know whether a next page exists.</summary>
    public static Page<T> From<T>(IReadOnlyList<T> rows, int limit, Func<T, string> id) =>
        rows.Count > limit
            ? new Page<T>(rows.Take(limit).ToList(), Encode(id(rows[limit - 1])))
            : new Page<T>(rows, null);

    /// <summary>
    /// One page from several keyset streams (e.g. the open jobs and the caller's own): merged by id, each object once.
    /// Each stream must be newest first, hold each id at most once, and read <paramref name="limit"/> + 1 rows after
    /// the cursor: then every row of the merged page is among its stream's first rows, and no page skips or repeats one.
    /// </summary>
    public static Page<T> Merge<T>(IEnumerable<IEnumerable<T>> streams, int limit, Func<T, string> id) =>
        From(streams.SelectMany(s => s).DistinctBy(id).OrderByDescending(id, StringComparer.Ordinal).Take(limit + 1).ToList(), limit, id);

    public static IRuleBuilderOptions<T, string?> ValidCursor<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(c => string.IsNullOrEmpty(c) || Decode(c) is not null).WithMessage("The cursor is not one this API issued.");
}
