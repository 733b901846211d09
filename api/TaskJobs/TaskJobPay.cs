namespace Marketplace.TaskJobs;

/// <summary>
/// What a task job's close paid one worker, as task_job_pay (0044) records it and the worker's documents bill it: the
/// approved items' total, the platform's fee, the income tax withheld on that total, and the net credited.
/// </summary>
public sealed record TaskJobPay(long Gross, long PlatformFee, long WithholdingTax, long Net);
