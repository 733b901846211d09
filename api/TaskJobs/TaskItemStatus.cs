namespace Marketplace.TaskJobs;

/// <summary>
/// Where an item of a task job stands (task_items.status): in the pool, taken by a worker for its 60 minutes, answered
/// and awaiting review, or approved. A rejected answer puts its item back in the pool.
/// </summary>
public enum TaskItemStatus { Open, Taken, Submitted, Approved }
