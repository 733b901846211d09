using Dapper;
using Marketplace.Platform;

namespace Marketplace.Search;

/// <summary>
/// The search of worker profiles: by words over the bio, skills and region (the job search's tokens), by region (a
/// prefecture such as 秋田県 finds 秋田県湯沢市; any other beginning of a region is a prefix), and by a skill with the
/// words that mean the same (<see cref="SkillWords.SameMeaning"/>).
/// With words, a <see cref="Window"/> of the newest <see cref="WindowSize"/> matching profiles is ranked by
/// <see cref="Ranking.ProfileScore"/> (best first, the later-indexed profile first on a tie) and older matches follow
/// newest first; with a region alone, matches come newest in the index first.
/// </summary>
public static class WorkerSearch
{
    public const int WindowSize = 1000;

    /// <summary>
    /// Without @Skill, every profile; with it, those of <c>p</c> with one of @Skills (SkillWords.SameMeaning), lowered as
    /// they are given, read on worker_skills' key (worker_id, skill).
    /// </summary>
    public const string HasSkill =
        "(@Skill IS NULL OR EXISTS (SELECT 1 FROM worker_skills k WHERE k.worker_id = p.worker_id AND LOWER(k.skill) IN @Skills))";

    /// <summary>Without @Badge, every profile; with it, those of <c>p</c> holding that badge (a course's, issue 29), on worker_badges' key.</summary>
    public const string HoldsBadge =
        "(@Badge IS NULL OR EXISTS (SELECT 1 FROM worker_badges wb WHERE wb.worker_id = p.worker_id AND wb.badge_id = @Badge))";

    /// <summary>The filters every search of profiles applies besides its words and region: @Skill and @Badge.</summary>
    public const string Filters = $"{HasSkill} AND {HoldsBadge}";

    private sealed class Candidate
    {
        public long DocId { get; init; }
        public string WorkerId { get; init; } = "";
        public string Bio { get; init; } = "";
        public string Skills { get; init; } = "";
        public string Region { get; init; } = "";
    }

    /// <summary>The ids of the matching workers on the page after <paramref name="cursor"/>, in order.</summary>
    public static async Task<SearchPage<string>> FindAsync(
        DbSession db, IReadOnlyList<SearchText.Phrase> words, string regionKey, string? skill, string? badge, string? cursor, int limit)
    {
        var engine = TextSearch.Of(db);
        var match = new DynamicParameters(new { Skill = skill, Skills = Words(skill), Badge = badge });
        engine.AddProfileMatch(match, words, regionKey);
        var at = SearchCursor.Decode(cursor);
        if (words.Count == 0 || at is OlderCursor)
            return await OlderAsync(db, engine, match, at switch { WindowCursor w => w.Doc, OlderCursor o => o.Doc, _ => long.MaxValue }, limit);
        var window = at as WindowCursor;
        var values = new DynamicParameters(match);
        values.AddDynamicParams(new { Top = window?.Top ?? long.MaxValue, Window = WindowSize + 1 });
        var rows = (await db.QueryAsync<Candidate>(engine.ProfileWindow, values)).Take(WindowSize).ToList();
        var workers = rows.ToDictionary(r => r.DocId, r => r.WorkerId);
        var ranked = rows.Select(r => new Ranked(r.DocId, -Ranking.ProfileScore(words, r.Bio, r.Skills, r.Region))).ToList();
        return await Window.PageAsync(ranked, WindowSize, window, limit,
            docs => Task.FromResult<IReadOnlyList<string>>(docs.Select(d => workers[d]).ToList()),
            (before, take) => OlderAsync(db, engine, match, before, take));
    }

    /// <summary>The words @Skills holds for a skill (none without one).</summary>
    public static string[] Words(string? skill) => skill is null ? [] : SkillWords.SameMeaning(skill).ToArray();

    /// <summary>Matching profiles below a doc id, newest first; <paramref name="match"/> holds the match, @Skill and @Badge.</summary>
    private static async Task<SearchPage<string>> OlderAsync(DbSession db, TextSearch engine, DynamicParameters match, long before, int take)
    {
        var older = await Window.OlderAsync(before, take, (below, count) =>
        {
            var values = new DynamicParameters(match);
            values.AddDynamicParams(new { Before = below, Take = count });
            return db.QueryAsync<Candidate>(engine.Profiles, values);
        }, r => r.DocId);
        return new SearchPage<string>(older.Items.Select(r => r.WorkerId).ToList(), older.NextCursor);
    }
}
