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

/// <summary>A migrated database made once per run; each test gets a copy of it.</summary>
public static class TemplateDatabase
{
    private static readonly Lazy<string> Path = new(Create);
    public static readonly string Folder = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "marketplace-tests-" + Environment.ProcessId);

    /// <summary>The template itself: read it, never write it.</summary>
    public static string FilePath => Path.Value;

    public static string NewCopy()
    {
        var copy = System.IO.Path.Combine(Folder, Guid.NewGuid().ToString("N") + ".db");
        File.Copy(Path.Value, copy);
        return copy;
    }

    private static string Create()
    {
        Directory.CreateDirectory(Folder);
        var path = System.IO.Path.Combine(Folder, "template.db");
        using (var app = new MarketplaceApp(path)) _ = app.Server; // start-up runs the migrations
        SqliteConnection.ClearAllPools(); // checkpoints the WAL into the file before it is copied
        return path;
    }
}
