using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;

namespace Marketplace.TaskJobs;

/// <summary>
/// A task job's items from a CSV (CrowdWorks' 「CSVで作業内容を指定」): one row per item, its cells the item's inputs that
/// the instructions' ##1##, ##2##… placeholders show. No header row; blank lines are skipped. Read with CsvHelper, so
/// quoted cells keep their commas and line breaks. Cells copied from a spreadsheet and pasted arrive tab-separated (the
/// clipboard's text form of Excel's and Google Sheets' cells), so a first line with a tab is read as tab-separated.
/// </summary>
public static class TaskItemsCsv
{
    /// <summary>The rows, or null with <paramref name="problem"/> when the text is no CSV of at most <see cref="TaskJobRules.MaxItems"/> rows.</summary>
    public static IReadOnlyList<IReadOnlyList<string>>? Read(string text, out string problem)
    {
        problem = "";
        var rows = new List<IReadOnlyList<string>>();
        text = text.TrimStart('\uFEFF');
        var config = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            HasHeaderRecord = false, IgnoreBlankLines = true, DetectColumnCountChanges = false, Delimiter = DelimiterOf(text),
        };
        try
        {
            using var reader = new CsvReader(new StringReader(text), config);
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

    /// <summary>A tab when the first line that is not blank has one (cells pasted from a spreadsheet), else a comma.</summary>
    public static string DelimiterOf(string text)
    {
        var first = text.Split('\n').FirstOrDefault(line => !string.IsNullOrWhiteSpace(line)) ?? "";
        return first.Contains('\t') ? "\t" : ",";
    }
}
