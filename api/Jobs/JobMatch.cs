using Marketplace.Search;

namespace Marketplace.Jobs;

/// <summary>A marked stretch of a text: offsets in UTF-16 code units, as a JavaScript string counts them.</summary>
public sealed record Highlight(int Start, int Length);

/// <summary>A passage of the original text and the stretches in it that matched.</summary>
public sealed record Snippet(string Text, IReadOnlyList<Highlight> Highlights);

/// <summary>Where a search matched a job: its title's matching stretches, and the passage of the description.</summary>
public sealed record JobMatch(IReadOnlyList<Highlight> TitleHighlights, Snippet Snippet)
{
    /// <summary>The searched terms (<see cref="SearchText.QueryTerms"/>) as <see cref="Snippets"/> finds them in the job's original text.</summary>
    public static JobMatch Of(string title, string description, IReadOnlyList<string> terms)
    {
        var passage = Snippets.Around(description, Snippets.Find(description, terms));
        return new JobMatch(Marks(Snippets.Find(title, terms)), new Snippet(passage.Text, Marks(passage.Stretches)));
    }

    private static List<Highlight> Marks(IReadOnlyList<Stretch> stretches) => stretches.Select(s => new Highlight(s.Start, s.Length)).ToList();
}
