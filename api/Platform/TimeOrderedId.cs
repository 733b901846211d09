namespace Marketplace.Platform;

/// <summary>
/// The id of a new row: a UUIDv7 as 32 lower-case hex digits, so ids sort by creation time and a listing that is
/// newest first walks the primary key backwards (<see cref="Paging"/>).
/// </summary>
public static class TimeOrderedId
{
    public static string New() => Guid.CreateVersion7().ToString("N");
}
