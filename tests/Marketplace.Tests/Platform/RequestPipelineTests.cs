using System.Net;
using System.Text.Json.Nodes;
using MediatR;
using Marketplace.Platform;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Tests;

/// <summary>What every request passes through: validation, one transaction per command, one exception handler.</summary>
public sealed class RequestPipelineTests : ApiTest
{
    [Test]
    public void Every_request_that_changes_data_is_a_command_and_so_runs_in_one_transaction()
    {
        // By convention a use case's request is "Command" when it changes data and "Query" when it reads.
        var commands = typeof(Program).Assembly.GetTypes()
            .Where(t => t.Name == "Command" && t.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IRequest<>)))
            .ToList();
        Assert.That(commands, Has.Count.GreaterThan(20));
        var notInTransaction = commands
            .Where(t => !t.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(ICommand<>)))
            .Select(t => t.FullName!.Replace("Marketplace.", ""));
        // Sign-in verifies a password (a deliberate ~100 ms) and must not hold the write lock meanwhile; its one write
        // (upgrading an old hash) is a single statement.
        Assert.That(notInTransaction, Is.EquivalentTo(new[] { "Accounts.Login+Command" }));
    }

    [Test]
    public async Task A_command_that_fails_after_writing_leaves_nothing_written()
    {
        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DbSession>();
        var behaviour = new TransactionBehavior<Write, int>(db, new IdempotentRequest());
        Assert.ThrowsAsync<ConflictException>(() => behaviour.Handle(new Write(), CancellationToken.None, async () =>
        {
            await db.ExecuteAsync("INSERT INTO users (id, email, display_name, role, password_hash, created_at) VALUES ('u1', 'a@b.c', 'A', 'worker', '-', 'now')");
            throw new ConflictException("refused after the write", ConflictCode.ContractStatus);
        }));
        Assert.That(Scalar("SELECT COUNT(*) FROM users"), Is.Zero);
    }

    [Test]
    public async Task A_query_is_not_wrapped_in_a_transaction()
    {
        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DbSession>();
        var behaviour = new TransactionBehavior<Read, int>(db, new IdempotentRequest());
        Assert.ThrowsAsync<ConflictException>(() => behaviour.Handle(new Read(), CancellationToken.None, async () =>
        {
            await db.ExecuteAsync("INSERT INTO users (id, email, display_name, role, password_hash, created_at) VALUES ('u1', 'a@b.c', 'A', 'worker', '-', 'now')");
            throw new ConflictException("a query has no transaction to roll back", ConflictCode.ContractStatus);
        }));
        Assert.That(Scalar("SELECT COUNT(*) FROM users"), Is.EqualTo(1));
    }

    [Test]
    public async Task An_unauthenticated_caller_reaching_a_handler_is_a_401_problem()
    {
        await using var scope = App.Services.CreateAsyncScope();
        var http = new DefaultHttpContext { RequestServices = scope.ServiceProvider };
        http.Response.Body = new MemoryStream();
        var handler = scope.ServiceProvider.GetServices<IExceptionHandler>().Single();
        // What Caller.Id throws when nobody is signed in.
        var caller = new Caller(new HttpContextAccessor { HttpContext = http });
        var thrown = Assert.Throws<UnauthorizedAccessException>(() => _ = caller.Id);

        Assert.That(await handler.TryHandleAsync(http, thrown!, CancellationToken.None), Is.True);
        Assert.That(http.Response.StatusCode, Is.EqualTo(401));
        Assert.That(http.Response.ContentType, Does.StartWith("application/problem+json"));
        http.Response.Body.Position = 0;
        var problem = JsonNode.Parse(await new StreamReader(http.Response.Body).ReadToEndAsync())!;
        Assert.That(problem["status"]!.GetValue<int>(), Is.EqualTo(401));
    }

    [Test]
    public async Task An_anonymous_call_to_a_signed_in_route_is_a_401()
    {
        var anonymous = Browser();
        Assert.That((await anonymous.GetAsync("/api/contracts")).StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
    }

    private sealed record Write : ICommand<int>;

    private sealed record Read : IRequest<int>;
}
