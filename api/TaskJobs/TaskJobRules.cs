namespace Marketplace.TaskJobs;

/// <summary>
/// The numbers of a task job, as CrowdWorks publishes them for its タスク形式 (each pinned by a rule test in
/// TaskJobRulesTests): the API binds its validators to these, the OpenAPI document publishes them, the web client reads them.
/// </summary>
public static class TaskJobRules
{
    /// <summary>A task job has at most this many items (CrowdWorks: 1〜10,000件).</summary>
    public const int MaxItems = 10_000;

    /// <summary>The price of one item is at least this many yen (CrowdWorks: 1件あたり1円以上).</summary>
    public const long MinPricePerItem = 1;

    /// <summary>The most an item may pay, so that a whole job stays within a job's budget limit.</summary>
    public const long MaxPricePerItem = 100_000;

    /// <summary>A worker submits a taken item within this many minutes, else the item returns to the pool (作業時間60分).</summary>
    public const int MinutesToSubmit = 60;

    /// <summary>
    /// A worker's rejections in one job are capped at this many items or <see cref="RejectionCapPercent"/> of that
    /// worker's submitted items, whichever is higher (CrowdWorks: 非承認は3件または提出件数の30%のいずれか多い方まで).
    /// </summary>
    public const int RejectionCapFloor = 3;

    /// <summary>See <see cref="RejectionCapFloor"/>.</summary>
    public const int RejectionCapPercent = 30;

    /// <summary>Answers not reviewed within this many days after the deadline are approved automatically (CrowdWorks: 自動承認).</summary>
    public const int DaysToReview = 14;

    /// <summary>
    /// The deadline is at most this many days after posting. The close pays every worker at once, at the latest
    /// <see cref="DaysToReview"/> days after the deadline, and the Freelance Act (art. 4) wants the pay within 60 days of
    /// the work's receipt, counting that day: an answer sent on the first day is paid out by the close on day 46 at the
    /// latest, leaving two weeks for the operator's transfer. Longer work is posted again month by month.
    /// </summary>
    public const int MaxDaysOpen = 31;

    public const int MaxFields = 20;
    public const int FieldLabelMax = 100;
    public const int TextAnswerMax = 2_000;
    public const int MaxOptions = 20;
    public const int OptionMax = 100;
    public const int ReasonMax = 1_000;
    public const int CsvMax = 2_000_000;
    public const int BulkMax = 500;

    /// <summary>The most rejections a worker who submitted <paramref name="submitted"/> items may have in one job.</summary>
    public static long RejectionCap(long submitted) => Math.Max(RejectionCapFloor, submitted * RejectionCapPercent / 100);
}
