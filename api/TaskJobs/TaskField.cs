using System.Text.Json;
using System.Text.RegularExpressions;
using Marketplace.Platform;

namespace Marketplace.TaskJobs;

/// <summary>What an answer's field is: free text up to a length, one of a few choices, or a file the worker uploaded.</summary>
public enum TaskFieldKind { Text, Choice, File }

/// <summary>One field of an item's answer, as the business defines it at posting.</summary>
public sealed record TaskField
{
    public string Label { get; init; } = "";
    public TaskFieldKind Kind { get; init; }
    /// <summary>Text: the longest answer, in characters.</summary>
    public int? MaxLength { get; init; }
    /// <summary>Choice: the options, one of which is the answer.</summary>
    public IReadOnlyList<string>? Options { get; init; }

    internal static string Store(IReadOnlyList<TaskField> fields) => JsonSerializer.Serialize(fields, StoredJson.Options);

    internal static IReadOnlyList<TaskField> Read(string json) => JsonSerializer.Deserialize<List<TaskField>>(json, StoredJson.Options) ?? [];
}

/// <summary>An item's instructions: the job's, with the item's own inputs in place of ##1##, ##2##… (CrowdWorks' placeholders).</summary>
public static partial class TaskInstructions
{
    [GeneratedRegex("##([0-9]{1,3})##")]
    private static partial Regex Placeholder();

    /// <summary>The highest placeholder the instructions name (0 for none).</summary>
    public static int HighestPlaceholder(string instructions) =>
        Placeholder().Matches(instructions).Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture))
            .DefaultIfEmpty(0).Max();

    public static string For(string instructions, IReadOnlyList<string> inputs) =>
        Placeholder().Replace(instructions, m =>
        {
            var n = int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
            return n >= 1 && n <= inputs.Count ? inputs[n - 1] : m.Value;
        });

    internal static string? Store(IReadOnlyList<string>? inputs) => inputs is null ? null : JsonSerializer.Serialize(inputs, StoredJson.Options);

    internal static IReadOnlyList<string> Read(string? json) =>
        json is null ? [] : JsonSerializer.Deserialize<List<string>>(json, StoredJson.Options) ?? [];
}
