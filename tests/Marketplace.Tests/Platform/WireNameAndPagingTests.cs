using Marketplace.Jobs;
using Marketplace.Platform;

namespace Marketplace.Tests;

public sealed class WireNameAndPagingTests
{
    [Test]
    public void Enum_names_on_the_wire_are_camelCase_and_parse_back()
    {
        Assert.That(WireName.Of(JobCategory.DataEntry), Is.EqualTo("dataEntry"));
        Assert.That(WireName.TryParse<JobCategory>("dataEntry", out var category) && category == JobCategory.DataEntry);
        Assert.That(WireName.TryParse<JobCategory>("1", out _), Is.False, "numbers are not names");
    }

    [Test]
    public void A_cursor_round_trips_and_a_forged_one_is_refused()
    {
        Assert.That(Paging.Decode(Paging.Encode("01a1fbbd65627174bbe85fa3083ff85b")), Is.EqualTo("01a1fbbd65627174bbe85fa3083ff85b"));
        Assert.That(Paging.Decode("bm90LW91cnM"), Is.Null);
        Assert.That(Paging.Decode("!!!"), Is.Null);
    }

    [Test]
    public void Ids_are_time_ordered_so_newest_first_is_id_order()
    {
        var first = TimeOrderedId.New();
        Thread.Sleep(2);
        Assert.That(string.CompareOrdinal(TimeOrderedId.New(), first), Is.GreaterThan(0));
    }

    [Test]
    public void Ids_made_within_one_millisecond_still_increase()
    {
        var ids = Enumerable.Range(0, 1000).Select(_ => TimeOrderedId.New()).ToList();
        Assert.That(ids, Is.Unique.And.Ordered.Using((IComparer<string>)StringComparer.Ordinal));
        Assert.That(ids, Has.All.Length.EqualTo(32).And.All.Matches<string>(id => id[12] == '7'), "still UUIDv7 in 32 hex digits");
    }
}
