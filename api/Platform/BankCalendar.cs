namespace Marketplace.Platform;

/// <summary>
/// The days Japanese banks transfer money: not Saturdays, Sundays, national holidays (国民の祝日に関する法律, computed by
/// its rules below) or the year-end break 12/31–1/3 (the banks' own closing days, 銀行法施行令第5条). A Zengin file dated on
/// any other day is refused or held by the bank, so a payout batch is dated on a business day, and a business's payment
/// into escrow falls due on one. Beside <see cref="JapanTime"/>: Japan's calendar, which money in two features reads.
/// </summary>
public static class BankCalendar
{
    /// <summary>
    /// The years computed: the rules below are the Act's since its 2007 amendment (substitute holidays after any holiday,
    /// みどりの日 on 5/4), and the equinox formula holds until 2099.
    /// </summary>
    public const int FirstYear = 2007, LastYear = 2099;

    /// <summary>True when banks transfer on <paramref name="day"/>.</summary>
    public static bool IsBusinessDay(DateOnly day) =>
        day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !IsYearEndBreak(day) && !IsHoliday(day);

    /// <summary>The first business day after <paramref name="day"/>.</summary>
    public static DateOnly NextBusinessDayAfter(DateOnly day)
    {
        var next = day.AddDays(1);
        while (!IsBusinessDay(next)) next = next.AddDays(1);
        return next;
    }

    /// <summary><paramref name="day"/> itself when it is a business day, otherwise the last business day before it (前営業日).</summary>
    public static DateOnly OnOrBefore(DateOnly day)
    {
        while (!IsBusinessDay(day)) day = day.AddDays(-1);
        return day;
    }

    private static bool IsYearEndBreak(DateOnly day) => (day.Month == 12 && day.Day == 31) || (day.Month == 1 && day.Day <= 3);

    /// <summary>A national holiday, a substitute holiday (振替休日) or a citizens' holiday (国民の休日).</summary>
    public static bool IsHoliday(DateOnly day) => HolidaysOf(day.Year).Contains(day);

    /// <summary>Every holiday of <paramref name="year"/>, by the Act's rules as they stand since 2007.</summary>
    public static IReadOnlySet<DateOnly> HolidaysOf(int year)
    {
        if (year is < FirstYear or > LastYear)
            throw new ArgumentOutOfRangeException(nameof(year), year, $"Holidays are computed for {FirstYear}–{LastYear}.");
        var named = NationalHolidays(year).ToHashSet();
        var all = new HashSet<DateOnly>(named);
        // 振替休日 (art. 3 §2): a holiday on a Sunday moves to the nearest following day that is not a holiday.
        foreach (var holiday in named.Where(d => d.DayOfWeek == DayOfWeek.Sunday))
        {
            var substitute = holiday.AddDays(1);
            while (named.Contains(substitute)) substitute = substitute.AddDays(1);
            all.Add(substitute);
        }
        // 国民の休日 (art. 3 §3): a day that is not itself a holiday between two national holidays (in September when
        // 秋分の日 falls two days after 敬老の日).
        foreach (var holiday in named)
        {
            var between = holiday.AddDays(1);
            if (named.Contains(between.AddDays(1)) && !named.Contains(between) && between.DayOfWeek != DayOfWeek.Sunday)
                all.Add(between);
        }
        return all;
    }

    /// <summary>The 国民の祝日 of art. 2, with the moves and one-off days later acts made.</summary>
    private static IEnumerable<DateOnly> NationalHolidays(int year)
    {
        DateOnly On(int month, int day) => new(year, month, day);
        yield return On(1, 1);                                  // 元日
        yield return NthMonday(year, 1, 2);                     // 成人の日: the second Monday of January
        yield return On(2, 11);                                 // 建国記念の日
        if (year >= 2020) yield return On(2, 23);               // 天皇誕生日 (12/23 until 2018; 2019 had none)
        else if (year <= 2018) yield return On(12, 23);
        yield return On(3, Equinox(year, 20.8431));            // 春分の日
        yield return On(4, 29);                                 // 昭和の日
        yield return On(5, 3);                                  // 憲法記念日
        yield return On(5, 4);                                  // みどりの日
        yield return On(5, 5);                                  // こどもの日
        // 海の日: the third Monday of July, moved for the Tokyo Olympics in 2020 and 2021.
        yield return year switch { 2020 => On(7, 23), 2021 => On(7, 22), _ => NthMonday(year, 7, 3) };
        // 山の日 since 2016, moved in 2020 and 2021.
        if (year >= 2016) yield return year switch { 2020 => On(8, 10), 2021 => On(8, 8), _ => On(8, 11) };
        yield return NthMonday(year, 9, 3);                     // 敬老の日
        yield return On(9, Equinox(year, 23.2488));            // 秋分の日
        // スポーツの日 (体育の日 until 2019): the second Monday of October, moved in 2020 and 2021.
        yield return year switch { 2020 => On(7, 24), 2021 => On(7, 23), _ => NthMonday(year, 10, 2) };
        yield return On(11, 3);                                 // 文化の日
        yield return On(11, 23);                                // 勤労感謝の日
        if (year == 2019)
        {
            // The accession: 即位の日 and 即位礼正殿の儀 by their own act (平成30年法律第99号); 4/30 and 5/2 were citizens' holidays.
            yield return On(5, 1);
            yield return On(10, 22);
        }
    }

    /// <summary>
    /// The day of an equinox in March (<paramref name="constant"/> 20.8431) or September (23.2488), by the formula the
    /// National Astronomical Observatory's almanac gives for 1980–2099: ⌊c + 0.242194 (y − 1980) − ⌊(y − 1980) / 4⌋⌋.
    /// </summary>
    private static int Equinox(int year, double constant) =>
        (int)Math.Floor(constant + 0.242194 * (year - 1980) - Math.Floor((year - 1980) / 4.0));

    private static DateOnly NthMonday(int year, int month, int n)
    {
        var first = new DateOnly(year, month, 1);
        var offset = ((int)DayOfWeek.Monday - (int)first.DayOfWeek + 7) % 7;
        return first.AddDays(offset + 7 * (n - 1));
    }
}
