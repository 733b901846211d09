using System.Data;
using System.Data.Common;
using Dapper;

namespace Marketplace.Platform;

/// <summary>
/// The request's one connection to the database, opened on first use. Inside
/// <see cref="InTransactionAsync{T}"/> (which <see cref="TransactionBehavior{TRequest,TResponse}"/> calls for every
/// command) every statement runs in one transaction, begun by the first statement and committed when the work
/// returns; an exception rolls it all back. A request sent from inside a command joins its transaction.
/// </summary>
public sealed class DbSession(Db db) : IAsyncDisposable
{
    private DbConnection? _connection;
    private DbTransaction? _transaction;
    private bool _inTransaction;
    private List<Action>? _afterCommit;
    private List<Func<Task>>? _beforeCommit;

    public SqlDialect Dialect => db.Dialect;

    /// <summary>Whether the work runs inside a command's transaction (what must commit with the action can check).</summary>
    public bool InTransaction => _inTransaction;

    /// <summary>Every row, buffered.</summary>
    public async Task<IReadOnlyList<T>> QueryAsync<T>(string sql, object? args = null) =>
        (await Run(c => c.QueryAsync<T>(Dialect.Translate(sql), args, _transaction))).AsList();

    public Task<T?> QuerySingleOrDefaultAsync<T>(string sql, object? args = null) =>
        Run(c => c.QuerySingleOrDefaultAsync<T>(Dialect.Translate(sql), args, _transaction));

    public Task<T> QuerySingleAsync<T>(string sql, object? args = null) => Run(c => c.QuerySingleAsync<T>(Dialect.Translate(sql), args, _transaction));

    public Task<int> ExecuteAsync(string sql, object? args = null) => Run(c => c.ExecuteAsync(Dialect.Translate(sql), args, _transaction));

    public Task<T?> ExecuteScalarAsync<T>(string sql, object? args = null) => Run(c => c.ExecuteScalarAsync<T>(Dialect.Translate(sql), args, _transaction));

    /// <summary>
    /// Runs <paramref name="work"/> in one transaction, or inside the one already open. On the server engines the
    /// transaction is SERIALIZABLE: when two commands race over the same rows (two acceptances of one contract, a
    /// payout batch and a returned transfer), the engine lets one commit and fails the other with a serialization
    /// failure or as a deadlock victim; that command is then run again from its start, on a new transaction that sees
    /// what the winner wrote, and decides as it would have one after the other (e.g. a 409). SQLite never fails a
    /// transaction this way: its single writer queues.
    /// </summary>
    public async Task<T> InTransactionAsync<T>(Func<Task<T>> work, CancellationToken ct = default)
    {
        if (_inTransaction) return await work();
        for (var attempt = 1; ; attempt++)
        {
            _inTransaction = true;
            try
            {
                var result = await work();
                // Work that must be the transaction's last (it may register more of the same as it runs).
                for (var i = 0; i < (_beforeCommit?.Count ?? 0); i++) await _beforeCommit![i]();
                if (_transaction is not null) await _transaction.CommitAsync(ct);
                foreach (var action in _afterCommit ?? []) action();
                return result;
            }
            catch (Exception e) when (attempt < MaxAttempts && LostARace(Unwrap(e)))
            {
                // Below, after the failed transaction is gone.
            }
            finally
            {
                if (_transaction is not null) await _transaction.DisposeAsync(); // rolls back unless committed
                _transaction = null;
                _inTransaction = false;
                _afterCommit = null;
                _beforeCommit = null;
            }
            // A short random pause, growing with each attempt, so that the racers do not meet again at once.
            await Task.Delay(Random.Shared.Next(1, 10 * attempt), ct);
        }
    }

    /// <summary>
    /// A serialization failure or deadlock, or, on a server engine, a unique violation: two transactions that each found
    /// no row (a conditional <c>INSERT … WHERE NOT EXISTS</c>: the same notification by the deadline reminders of two API
    /// nodes) both insert it, and PostgreSQL refuses the second with 23505 rather than a serialization failure. Run
    /// again, the command sees the winner's row and inserts nothing; a duplicate that is no race fails again each time
    /// and is answered as before (409 <c>duplicate</c>). SQLite's one writer never races, so there it is answered at once.
    /// </summary>
    private bool LostARace(Exception e) =>
        Dialect.IsRetryable(e) || (Dialect.Engine != DatabaseEngine.Sqlite && Dialect.IsUniqueViolation(e));

    /// <summary>How often a command that lost a race is run again before its failure is the answer (a 500).</summary>
    public const int MaxAttempts = 10;

    private static Exception Unwrap(Exception e) => e is AggregateException { InnerException: { } inner } ? inner : e;

    /// <summary>
    /// Runs <paramref name="action"/> once the command's transaction has committed (at once outside one; never when it
    /// rolls back, nor for an attempt that lost a race and runs again). What a node keeps in memory about the database
    /// (validated API tokens) must change after the database does: changed before the commit, a request reading the old
    /// state in between would put it back.
    /// </summary>
    public void AfterCommit(Action action)
    {
        if (_inTransaction) (_afterCommit ??= []).Add(action);
        else action();
    }

    /// <summary>
    /// Runs <paramref name="work"/> inside the command's transaction after everything else the command did, just before
    /// the commit, in the order registered (again on each attempt that runs the command again). What must hold a lock
    /// until the commit for as short a time as possible goes here: numbers taken in commit order
    /// (<see cref="NextInCommitOrderAsync"/>). Outside a transaction there is no commit to wait for: it is refused.
    /// </summary>
    public void BeforeCommit(Func<Task> work)
    {
        if (!_inTransaction) throw new InvalidOperationException("BeforeCommit needs a command's transaction.");
        (_beforeCommit ??= []).Add(work);
    }

    /// <summary>
    /// The next number of the counter <paramref name="counter"/>, taken so that numbers become visible in the order they
    /// were taken: whoever takes one holds the counter until its transaction ends, so a transaction that took a higher
    /// number commits after every lower one has committed or rolled back, and a reader that saw number n has seen every
    /// committed number below n. (A plain identity column does not promise this on a server engine: a transaction that
    /// drew a lower number can commit after one that drew a higher.) Take it last, in <see cref="BeforeCommit"/>, so
    /// that the counter is held only for the commit.
    /// </summary>
    public async Task<long> NextInCommitOrderAsync(string counter)
    {
        if (!_inTransaction) throw new InvalidOperationException("A number in commit order needs a command's transaction.");
        long? value = null;
        foreach (var sql in Dialect.NextInCommitOrder()) value = await ExecuteScalarAsync<long?>(sql, new { Counter = counter });
        return value ?? throw new InvalidOperationException($"The counter '{counter}' gave no number.");
    }

    private async Task<T> Run<T>(Func<DbConnection, Task<T>> statement)
    {
        _connection ??= await db.OpenAsync();
        // On SQLite, Serializable is BEGIN IMMEDIATE: a command takes the write lock with its first statement, so
        // its reads and writes see one state, and it never fails to upgrade a read lock half-way through.
        // The transaction begins lazily so that work before the first statement (hashing a password) holds no lock.
        if (_inTransaction && _transaction is null)
            _transaction = await _connection.BeginTransactionAsync(IsolationLevel.Serializable);
        return await statement(_connection);
    }

    public async ValueTask DisposeAsync()
    {
        if (_transaction is not null) await _transaction.DisposeAsync();
        if (_connection is not null) await _connection.DisposeAsync();
    }
}
