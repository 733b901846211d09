using Dapper;
using Marketplace.Platform;

namespace Marketplace.Search;

/// <summary>
/// The engine seam of search: everything that depends on the engine's full-text index, and nothing else in the code
/// does. Here a token query (<see cref="SearchText.Phrase"/>s and facets) becomes the engine's match expression, every
/// statement that reads a full-text table is written, and a phrase's document count is read. The tokens, the
/// filters that are not words, the sorts, the cursors, the ranking formula, the window and the snippets are the same on
/// every engine: the other files of this folder.
///
/// One implementation per engine, each holding its statements as <c>const string</c> fields (the plan tests find them
/// by reflection) marked with <see cref="SqlForAttribute"/>: <see cref="Fts5"/> (SQLite), <see cref="PostgresTextSearch"/>
/// (a <c>tsvector</c> of the same tokens under a GIN index) and <see cref="SqlServerFullText"/> (a full-text index over
/// the tokens with the neutral word breaker). Each is given the same tokens, so that each finds the same jobs and
/// profiles; a caller takes the one of its database (<see cref="Of"/>) and never asks which it is.
///
/// Every statement here reads the same parameters and answers the same columns on each engine: the statements of the
/// open board (<c>job_board_fts</c>: open jobs only, its row key the job's doc id, so key order is id order), of the
/// caller's own jobs (<c>job_fts</c>: every job, for the per-row words check), and of profiles (<c>worker_fts</c>).
/// </summary>
public abstract class TextSearch
{
    public static TextSearch For(DatabaseEngine engine) => engine switch
    {
        DatabaseEngine.Sqlite => Fts5.Engine,
        DatabaseEngine.Postgres => PostgresTextSearch.Engine,
        _ => SqlServerFullText.Engine,
    };

    /// <summary>The text search of the request's database.</summary>
    public static TextSearch Of(DbSession db) => For(db.Dialect.Engine);

    // How a token query matches.

    /// <summary>
    /// Adds the match parameters of a job search in this engine's spelling: those of the open board's statements
    /// (facet tokens for the category and the region, the words in the title or description; members-only jobs left out
    /// for whoever may not see them), and those of the per-row words check of <see cref="JobsOfBusiness"/> and
    /// <see cref="JobsBidOnBy"/> (no words, no check).
    /// </summary>
    public abstract void AddJobMatch(DynamicParameters values, JobQuery query);

    /// <summary>Adds the match parameters of the profile statements: the region as a facet, the words in the bio, skills or region.</summary>
    public abstract void AddProfileMatch(DynamicParameters values, IReadOnlyList<SearchText.Phrase> words, string regionKey);

    // The open board: rows of job_board_fts, newest (highest doc id) first. Each reads the parameters of AddJobMatch and
    // JobQuery.RowFilters' numbers and times.

    /// <summary>The open board, newest first, below @Before: job_details' columns, @Take rows.</summary>
    public abstract string Board { get; }

    /// <summary>
    /// The newest @Window matches at or below @Top with the keys the sorts read: doc_id, budget_max, deadline, and what
    /// relevance reads (title, body, token_count: the search row's tokens and length).
    /// </summary>
    public abstract string BoardWindow { get; }

    /// <summary>The relevance window when no filter needs the job's row: doc_id and the search row's title, body and token_count.</summary>
    public abstract string BoardCandidates { get; }

    /// <summary>How many match, counted to @CountTake.</summary>
    public abstract string BoardCount { get; }

    /// <summary>The count when every filter is a facet: the index alone.</summary>
    public abstract string BoardCountBare { get; }

    /// <summary>Open jobs above @After that match (a saved search's new jobs), newest first: doc_id, id, title.</summary>
    public abstract string BoardNewer { get; }

    // The caller's own jobs in every status: the jobs' own indexes in id order, the words checked on each row in job_fts.

    /// <summary>A business's own jobs below @After, on ix_jobs_business (business_id, id); a producer reads each client's this way.</summary>
    public abstract string JobsOfBusiness { get; }

    /// <summary>The jobs worker @Me bid on below @After, walking ix_bids_worker_job (worker_id, job_id) backwards, one row per job.</summary>
    public abstract string JobsBidOnBy { get; }

    // Profiles: rows of worker_fts, newest in the index first; each reads AddProfileMatch's parameters, @Skill and @Badge.

    /// <summary>Profiles below @Before: doc_id, worker_id, @Take rows.</summary>
    public abstract string Profiles { get; }

    /// <summary>The newest @Window profiles at or below @Top, with the tokens to rank them: doc_id, worker_id, bio, skills, region.</summary>
    public abstract string ProfileWindow { get; }

    // BM25's input that needs the index. Relevance ranks the open board only, so it counts open jobs; the board's size
    // and token total are kept at write time in job_board_totals, the same on every engine (Ranking.BoardTotals).

    /// <summary>How many open jobs hold the phrase in the title or description: it reads the phrase's whole posting list (cache it).</summary>
    public abstract Task<long> BoardDocumentCountAsync(DbSession db, SearchText.Phrase phrase);
}
