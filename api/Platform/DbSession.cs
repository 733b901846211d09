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
                if (_transaction is not null) await _transaction.CommitAsync(ct);
                foreach (var action in _afterCommit ?? []) action();
                return result;
            }
            catch (Exception e) when (attempt < MaxAttempts && Dialect.IsRetryable(Unwrap(e)))
            {
                // Below, after the failed transaction is gone.
            }
            finally
            {
                if (_transaction is not null) await _transaction.DisposeAsync(); // rolls back unless committed
                _transaction = null;
                _inTransaction = false;
                _afterCommit = null;
            }
            // A short random pause, growing with each attempt, so that the racers do not meet again at once.
            await Task.Delay(Random.Shared.Next(1, 10 * attempt), ct);
        }
    }

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
