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

/// <summary>A signed-in user of the API: its account and a browser-like client holding its cookie.</summary>
public sealed record User(string Id, string Email, string DisplayName, Role Role, HttpClient Http);
