namespace Marketplace.Platform;

/// <summary>
/// The id of a new row: a UUIDv7 (RFC 9562 §5.7) as 32 lower-case hex digits, so ids sort by creation time and a listing
/// that is newest first walks the primary key backwards (<see cref="Paging"/>).
/// </summary>
public static class TimeOrderedId
{
    private static readonly Lock Gate = new();
    private static UInt128 _last;

    /// <summary>
    /// A new id. Within one process ids increase strictly, also inside one millisecond (RFC 9562 §6.2):
    /// Guid.CreateVersion7 fills the rest of a millisecond with random bits, so two messages posted in the same
    /// millisecond would otherwise list in either order.
    /// </summary>
    public static string New()
    {
        var id = UInt128.Parse(Guid.CreateVersion7().ToString("N"), System.Globalization.NumberStyles.HexNumber);
        lock (Gate)
        {
            // Still the last id's millisecond (or the clock stepped back): one more than the last id, in its random bits.
            if (id <= _last) id = _last + 1;
            _last = id;
        }
        return id.ToString("x32");
    }
}
