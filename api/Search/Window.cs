namespace Marketplace.Search;

/// <summary>A match in a ranked window: its doc id (newer is higher) and its key (lower comes first).</summary>
public readonly record struct Ranked(long Doc, double Key);

/// <summary>
/// A ranked window, the way search orders matches by anything but their age (relevance, budget or deadline with words;
/// the worker search): the newest matches at or below the first page's top — at most <c>size</c>, so a page costs the
/// same at any table size — ordered by their key, the newer first on a tie; after the window, older matches follow
/// newest first. The cursor (<see cref="WindowCursor"/>) keeps the window's top, so matches written meanwhile do not
/// shift a reader's pages; past the window it is an <see cref="OlderCursor"/>.
/// </summary>
public static class Window
{
    /// <summary>
    /// One page of the window after <paramref name="cursor"/>, and when the window ends on it, the older matches that
    /// fill the page. <paramref name="window"/> holds the window's matches at or below the cursor's top (at most
    /// <paramref name="size"/>) with their keys; <paramref name="fetch"/> reads the page's items by doc id, in the order
    /// given; <paramref name="older"/> reads matches below a doc id, newest first (<see cref="OlderAsync{TRow}"/>).
    /// </summary>
    public static async Task<SearchPage<T>> PageAsync<T>(IReadOnlyList<Ranked> window, int size, WindowCursor? cursor, int limit,
        Func<IReadOnlyList<long>, Task<IReadOnlyList<T>>> fetch, Func<long, int, Task<SearchPage<T>>> older)
    {
        if (window.Count == 0) return new SearchPage<T>([], null);
        var ordered = window
            .Where(r => cursor is null || r.Key > cursor.Key || (r.Key == cursor.Key && r.Doc < cursor.Doc))
            .OrderBy(r => r.Key).ThenByDescending(r => r.Doc)
            .Take(limit + 1).ToList();
        var top = cursor?.Top ?? window.Max(r => r.Doc);
        var page = ordered.Take(limit).ToList();
        var items = await fetch(page.Select(r => r.Doc).ToList());
        if (ordered.Count > limit) return new SearchPage<T>(items, new WindowCursor(top, page[^1].Key, page[^1].Doc).Encode());
        // The window ends on this page. A full window may have older matches: they follow, newest first.
        if (window.Count < size) return new SearchPage<T>(items, null);
        var rest = await older(window.Min(r => r.Doc), limit - items.Count);
        return new SearchPage<T>([.. items, .. rest.Items], rest.NextCursor);
    }

    /// <summary>Matches below <paramref name="before"/>, newest first: <paramref name="read"/> gets the bound and how many rows to read.</summary>
    public static async Task<SearchPage<TRow>> OlderAsync<TRow>(long before, int take, Func<long, int, Task<IReadOnlyList<TRow>>> read, Func<TRow, long> doc)
    {
        if (take <= 0) return new SearchPage<TRow>([], new OlderCursor(before).Encode());
        var rows = await read(before, take + 1);
        return new SearchPage<TRow>(rows.Take(take).ToList(), rows.Count > take ? new OlderCursor(doc(rows[take - 1])).Encode() : null);
    }
}

/// <summary>A page of what search found and the cursor of the next page (null on the last).</summary>
public sealed record SearchPage<T>(IReadOnlyList<T> Items, string? NextCursor)
{
    /// <summary>How many match, when reading the page counted them (a window's first page).</summary>
    public MatchCount? Count { get; init; }
}
