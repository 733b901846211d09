namespace Marketplace.Platform;

/// <summary>
/// Japan's clock: UTC+9, with no daylight saving. The law counts Japanese days (the Freelance Act's 60 days to pay, the
/// 10th of the month by which withheld tax is remitted), documents and statements are dated in them, and digests go
/// out at a Japanese hour; each of those reads the offset here.
/// </summary>
public static class JapanTime
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(9);

    /// <summary>The Japanese calendar day <paramref name="time"/> falls on.</summary>
    public static DateOnly DayOf(DateTimeOffset time) => DateOnly.FromDateTime(time.ToOffset(Offset).DateTime);
}
