using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;

namespace Marketplace.TaskJobs;

/// <summary>
/// A task job's items from a CSV (CrowdWorks' 「CSVで作業内容を指定」): one row per item, its cells the item's inputs that
/// the instructions' ##1##, ##2##… placeholders show. No header row; blank lines are skipped. Read with CsvHelper, so
/// quoted cells keep their commas and line breaks.
/// </summary>
public static class TaskItemsCsv
{
    /// <summary>The rows, or null with <paramref name="problem"/> when the text is no CSV of at most <see cref="TaskJobRules.MaxItems"/> rows.</summary>
    public static IReadOnlyList<IReadOnlyList<string>>? Read(string text, out string problem)
    {
        problem = "";
        var rows = new List<IReadOnlyList<string>>();
        var config = new CsvConfiguration(CultureInfo.InvariantCulture) { HasHeaderRecord = false, IgnoreBlankLines = true, DetectColumnCountChanges = false };
        try
        {
            using var reader = new CsvReader(new StringReader(text.TrimStart('\uFEFF')), config);
            while (reader.Read())
            {
                if (rows.Count == TaskJobRules.MaxItems)
                {
                    problem = $"At most {TaskJobRules.MaxItems} items (rows).";
                    return null;
                }
                var cells = reader.Parser.Record ?? [];
                if (cells.All(string.IsNullOrWhiteSpace)) continue;
                rows.Add(cells.Select(c => c.Trim()).ToList());
            }
        }
        catch (CsvHelperException)
        {
            problem = "The items are not a readable CSV.";
            return null;
        }
        if (rows.Count == 0) problem = "The CSV has no rows.";
        return rows.Count == 0 ? null : rows;
    }
}
