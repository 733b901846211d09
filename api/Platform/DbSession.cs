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

    /// <summary>Runs <paramref name="work"/> in one transaction, or inside the one already open.</summary>
    public async Task<T> InTransactionAsync<T>(Func<Task<T>> work, CancellationToken ct = default)
    {
        if (_inTransaction) return await work();
        _inTransaction = true;
        try
        {
            var result = await work();
            if (_transaction is not null) await _transaction.CommitAsync(ct);
            foreach (var action in _afterCommit ?? []) action();
            return result;
        }
        finally
        {
            if (_transaction is not null) await _transaction.DisposeAsync(); // rolls back unless committed
            _transaction = null;
            _inTransaction = false;
            _afterCommit = null;
        }
    }

    /// <summary>
    /// Runs <paramref name="action"/> once the command's transaction has committed (at once outside one; never when it
    /// rolls back). What a node keeps in memory about the database (validated API tokens) must change after the database
    /// does: changed before the commit, a request reading the old state in between would put it back.
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
