using System.Buffers.Text;
using System.Globalization;
using System.Text;
using Marketplace.Platform;

namespace Marketplace.Search;

/// <summary>
/// The cursors search hands out, one format per way of paging, each base64url text the caller treats as opaque:
/// <c>w:top|key|doc</c> inside a ranked window (<see cref="WindowCursor"/>), <c>o:doc</c> past it
/// (<see cref="OlderCursor"/>), <c>b:budget|id</c> and <c>d:deadline|id</c> for the board by budget or deadline without
/// words. Newest order pages with the platform's keyset cursor (<see cref="Paging"/>, <c>k:id</c>). These are the formats
/// the board and the worker search have always issued, so a cursor handed out before still reads.
/// </summary>
public abstract record SearchCursor
{
    public abstract string Encode();

    protected static string Wrap(string text) => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(text));

    /// <summary>The cursor, or null when it is not one search issued.</summary>
    public static SearchCursor? Decode(string? cursor)
    {
        if (string.IsNullOrEmpty(cursor) || cursor.Length > Paging.MaxCursorLength) return null;
        string text;
        try
        {
            text = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(cursor));
        }
        catch (FormatException)
        {
            return null;
        }
        var kind = text.Length >= 2 && text[1] == ':' ? text[0] : ' ';
        var parts = text.Length > 2 ? text[2..].Split('|') : [];
        return kind switch
        {
            'w' when cursor.Length <= 120 && parts.Length == 3
                     && long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var top)
                     && double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var key) && double.IsFinite(key)
                     && long.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var doc)
                => new WindowCursor(top, key, doc),
            'o' when cursor.Length <= 120 && long.TryParse(text[2..], NumberStyles.None, CultureInfo.InvariantCulture, out var doc)
                => new OlderCursor(doc),
            'b' when parts.Length == 2 && IsJobId(parts[1])
                     && long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var budget)
                => new BudgetCursor(budget, parts[1]),
            'd' when parts.Length == 2 && IsJobId(parts[1]) && parts[0].Length is > 0 and <= 40
                     && parts[0].All(c => char.IsAsciiDigit(c) || c is '-' or ':' or 'T' or 'Z' or '.')
                     && DateTimeOffset.TryParse(parts[0], CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var deadline)
                => new DeadlineCursor(deadline, parts[1]),
            _ => null,
        };
    }

    private static bool IsJobId(string id) => id.Length == 32 && id.All(char.IsAsciiHexDigit);
}

/// <summary>Inside a ranked window: the window's top (its newest doc id), and the last key and doc id of the page.</summary>
public sealed record WindowCursor(long Top, double Key, long Doc) : SearchCursor
{
    public override string Encode() => Wrap(FormattableString.Invariant($"w:{Top}|{Key:R}|{Doc}"));
}

/// <summary>Past a full window, newest first: the last doc id of the page.</summary>
public sealed record OlderCursor(long Doc) : SearchCursor
{
    public override string Encode() => Wrap(FormattableString.Invariant($"o:{Doc}"));
}

/// <summary>The board by budget, highest first: the last job's budget and id.</summary>
public sealed record BudgetCursor(long Budget, string Id) : SearchCursor
{
    public override string Encode() => Wrap(FormattableString.Invariant($"b:{Budget}|{Id}"));
}

/// <summary>The board by deadline, soonest first: the last job's deadline (as stored) and id.</summary>
public sealed record DeadlineCursor(DateTimeOffset Deadline, string Id) : SearchCursor
{
    public override string Encode() => Wrap($"d:{TimeHandler.ToText(Deadline)}|{Id}");
}
