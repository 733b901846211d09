using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Marketplace.Platform;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Tests;

[SetUpFixture]
public sealed class TestRun
{
    [OneTimeTearDown]
    public void RemoveDatabases()
    {
        SharedHosts.StopAll();
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(TemplateDatabase.Folder)) Directory.Delete(TemplateDatabase.Folder, recursive: true);
    }
}
