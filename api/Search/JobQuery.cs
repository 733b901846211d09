using Dapper;

namespace Marketplace.Search;

/// <summary>The orders of a job search: relevance and newest first, budget highest first, deadline soonest first.</summary>
public enum JobSort { Relevance, Newest, Budget, Deadline }

/// <summary>
/// A search of jobs — the words, the filters and the order — and the SQL of the filters that every engine shares. The
/// engine matches the words and the facets (category, region, members-only: <see cref="TextSearch.AddJobMatch"/>); the
/// numbers and times are checked on each row it matched (<see cref="RowFilters"/>). A statement that reads a jobs index
/// instead of the full-text one checks every filter but the words on the row (<see cref="Filters"/>), and the engine's
/// statement checks the words.
/// </summary>
public sealed record JobQuery
{
    private readonly string? _text;

    /// <summary>What the person typed; its searchable terms are <see cref="Words"/>.</summary>
    public string? Text
    {
        get => _text;
        init
        {
            _text = value;
            Words = SearchText.Phrases(value);
        }
    }

    public IReadOnlyList<SearchText.Phrase> Words { get; private init; } = [];
    /// <summary>A category as the API names it (<c>dataEntry</c>).</summary>
    public string? Category { get; init; }
    /// <summary>A region or its beginning.</summary>
    public string? Region { get; init; }
    public long? MinBudget { get; init; }
    public long? MaxBudget { get; init; }
    public DateTimeOffset? DeadlineBefore { get; init; }
    public DateTimeOffset? PostedSince { get; init; }
    /// <summary>Only beginner jobs (入門案件, issue 29): the route from a course to a first paid job.</summary>
    public bool BeginnersOnly { get; init; }
    /// <summary>Members-only jobs are for signed-in workers.</summary>
    public bool SeesMembersOnly { get; init; }
    /// <summary>The order asked for; null for the default.</summary>
    public JobSort? Sort { get; init; }

    /// <summary>The order applied: relevance with words, newest without (relevance needs words).</summary>
    public JobSort Order => Sort is null or JobSort.Relevance ? (Words.Count > 0 ? JobSort.Relevance : JobSort.Newest) : Sort.Value;

    public string RegionKey => SearchText.RegionKey(Region);

    /// <summary>
    /// Whether a filter needs the job's row (a number or a time), not only the index; a minimum budget that is a band
    /// (<see cref="BudgetBands"/>) is a facet the index decides.
    /// </summary>
    public bool FiltersRows => (MinBudget is not null && !BudgetBands.Decides(MinBudget)) || MaxBudget is not null || DeadlineBefore is not null || PostedSince is not null || BeginnersOnly;

    /// <summary>The filters that are not facets: numbers and times, checked on each row the engine matched.</summary>
    public const string RowFilters = """
          AND (j.budget_max >= @MinBudget OR @MinBudget IS NULL)
          AND (j.budget_min <= @MaxBudget OR @MaxBudget IS NULL)
          AND (j.deadline <= @DeadlineBefore OR @DeadlineBefore IS NULL)
          AND (j.created_at >= @PostedSince OR @PostedSince IS NULL)
          AND (j.beginners = TRUE OR @BeginnersOnly = FALSE)
        """;

    /// <summary>
    /// Every filter but the words, where a statement reads a jobs index rather than the full-text one. The statements of
    /// the caller's own jobs check the words on each row through the engine (<see cref="TextSearch.JobsOfBusiness"/>);
    /// the two below run only without words.
    /// </summary>
    public const string Filters = $"""
          AND (j.category = @Category OR @Category IS NULL)
          AND (@RegionFrom IS NULL OR (j.region >= @RegionFrom AND j.region < @RegionTo))
        {RowFilters}
        """;

    /// <summary>The open board without words by budget, highest first, on ix_jobs_status_budget (status, budget_max, id), after @KeyBudget and @After.</summary>
    public const string BoardByBudget = $"""
        SELECT j.* FROM job_details j
        WHERE j.status = 'open' AND j.budget_max <= @KeyBudget AND (j.budget_max < @KeyBudget OR j.id < @After)
          AND (j.members_only = FALSE OR @SeesMembersOnly = TRUE)
        {Filters}
        ORDER BY j.budget_max DESC, j.id DESC LIMIT @Take
        """;

    /// <summary>The open board without words by deadline, soonest first, on ix_jobs_status_deadline (status, deadline, id), after @KeyDeadline and @After.</summary>
    public const string BoardByDeadline = $"""
        SELECT j.* FROM job_details j
        WHERE j.status = 'open' AND j.deadline >= @KeyDeadline AND (j.deadline > @KeyDeadline OR j.id > @After)
          AND (j.members_only = FALSE OR @SeesMembersOnly = TRUE)
        {Filters}
        ORDER BY j.deadline, j.id LIMIT @Take
        """;

    /// <summary>
    /// <see cref="BoardByBudget"/> in one category, on ix_jobs_status_category_budget (status, category, budget_max, id):
    /// the category's jobs alone in budget order, instead of every open job's checked for it
    /// (<c>(j.category = @Category OR @Category IS NULL)</c> lets no engine seek on the category).
    /// </summary>
    public const string BoardByBudgetInCategory = $"""
        SELECT j.* FROM job_details j
        WHERE j.status = 'open' AND j.category = @Category AND j.budget_max <= @KeyBudget AND (j.budget_max < @KeyBudget OR j.id < @After)
          AND (j.members_only = FALSE OR @SeesMembersOnly = TRUE)
        {Filters}
        ORDER BY j.budget_max DESC, j.id DESC LIMIT @Take
        """;

    /// <summary><see cref="BoardByDeadline"/> in one category, on ix_jobs_status_category_deadline (status, category, deadline, id).</summary>
    public const string BoardByDeadlineInCategory = $"""
        SELECT j.* FROM job_details j
        WHERE j.status = 'open' AND j.category = @Category AND j.deadline >= @KeyDeadline AND (j.deadline > @KeyDeadline OR j.id > @After)
          AND (j.members_only = FALSE OR @SeesMembersOnly = TRUE)
        {Filters}
        ORDER BY j.deadline, j.id LIMIT @Take
        """;

    /// <summary>
    /// The values of the filters' parameters, for the statements above and the engine's, with the words and facets as
    /// <paramref name="engine"/> spells them; a statement adds its own.
    /// </summary>
    public DynamicParameters Parameters(TextSearch engine)
    {
        var region = string.IsNullOrWhiteSpace(Region) ? null : Region.Trim();
        var values = new DynamicParameters(new
        {
            Category, RegionFrom = region, RegionTo = region is null ? null : region + char.ConvertFromUtf32(0x10FFFF),
            MinBudget, MaxBudget, DeadlineBefore, PostedSince, SeesMembersOnly, BeginnersOnly,
        });
        engine.AddJobMatch(values, this);
        return values;
    }
}
