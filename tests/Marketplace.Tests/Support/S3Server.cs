using System.Diagnostics;
using System.Text.Json;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;

namespace Marketplace.Tests;

/// <summary>
/// A real S3-protocol server on loopback for the tests of the S3 file store: s3rver (tests/s3, from npm) serving the S3
/// API from a folder of the run, started by the first test that needs it and stopped at the end of the run. Each host
/// gets a bucket of its own (<see cref="NewBucket"/>). Without node the tests of the S3 store are skipped, saying why.
/// </summary>
public static class S3Server
{
    /// <summary>s3rver's credentials: every request is signed with them, as a real store's keys sign them.</summary>
    public const string AccessKey = "S3RVER";
    public const string SecretKey = "S3RVER";

    private static readonly Lock Gate = new();
    private static Process? _server;
    private static string? _folder;
    private static Uri? _address;
    private static string? _unavailable;

    /// <summary>The server's address, started on first use; a test is ignored (with the reason) when it cannot start.</summary>
    public static Uri Address
    {
        get
        {
            lock (Gate)
            {
                if (_address is null && _unavailable is null) Start();
                if (_unavailable is not null) Assert.Ignore(_unavailable);
                return _address!;
            }
        }
    }

    private static void Start()
    {
        var package = Path.Combine(WebClientTests.RepositoryRoot(), "tests", "s3");
        if (!File.Exists(Path.Combine(package, "node_modules", "s3rver", "package.json")))
        {
            _unavailable = $"The S3 store's tests need s3rver: run 'npm ci' in {package} (./test.sh does).";
            return;
        }
        _folder = Directory.CreateTempSubdirectory("marketplace-s3-").FullName;
        var start = new ProcessStartInfo("node", ["serve.mjs", _folder, "marketplace-tests"])
        {
            WorkingDirectory = package, RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true,
            UseShellExecute = false,
        };
        try
        {
            _server = Process.Start(start)!;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            _unavailable = "The S3 store's tests need node (20.19 or newer) on the PATH to run s3rver (tests/s3).";
            return;
        }
        // serve.mjs prints {"port": N} once it listens.
        var line = _server.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(30)).GetAwaiter().GetResult();
        if (line is null)
            throw new InvalidOperationException("s3rver stopped before it listened: " + _server.StandardError.ReadToEnd());
        _address = new Uri($"http://127.0.0.1:{JsonDocument.Parse(line).RootElement.GetProperty("port").GetInt32()}");
    }

    /// <summary>A client of the server, as the store's own is configured.</summary>
    public static AmazonS3Client Client() => new(new BasicAWSCredentials(AccessKey, SecretKey), new AmazonS3Config
    {
        ServiceURL = Address.ToString(), AuthenticationRegion = "us-east-1", ForcePathStyle = true,
        RequestChecksumCalculation = RequestChecksumCalculation.WHEN_REQUIRED,
        ResponseChecksumValidation = ResponseChecksumValidation.WHEN_REQUIRED,
    });

    /// <summary>A new empty bucket, for one host.</summary>
    public static string NewBucket()
    {
        var bucket = "files-" + Guid.NewGuid().ToString("N")[..16];
        using var client = Client();
        client.PutBucketAsync(new PutBucketRequest { BucketName = bucket }).GetAwaiter().GetResult();
        return bucket;
    }

    /// <summary>The settings of a host whose files live in <paramref name="bucket"/>.</summary>
    public static Dictionary<string, string?> Settings(string bucket) => new()
    {
        ["Files:Store"] = "s3",
        ["Files:S3:ServiceUrl"] = Address.ToString(),
        ["Files:S3:Bucket"] = bucket,
        ["Files:S3:Region"] = "us-east-1",
        ["Files:S3:AccessKey"] = AccessKey,
        ["Files:S3:SecretKey"] = SecretKey,
        ["Files:S3:ForcePathStyle"] = "true",
    };

    /// <summary>Every key in the bucket, stored files and uploads on their way alike.</summary>
    public static async Task<List<string>> Keys(string bucket)
    {
        using var client = Client();
        var keys = new List<string>();
        var request = new ListObjectsV2Request { BucketName = bucket };
        while (true)
        {
            var page = await client.ListObjectsV2Async(request);
            keys.AddRange((page.S3Objects ?? []).Select(o => o.Key));
            if (page.IsTruncated != true) return keys;
            request.ContinuationToken = page.NextContinuationToken;
        }
    }

    /// <summary>
    /// The multipart uploads begun in the bucket and neither completed nor aborted (s3rver keeps their parts in a folder
    /// of the bucket's; tests/s3/serve.mjs aborts one as S3 does).
    /// </summary>
    public static int OpenMultipartUploads(string bucket)
    {
        var uploads = Path.Combine(_folder ?? throw new InvalidOperationException("s3rver is not running."), bucket, "._S3rver_uploads");
        return Directory.Exists(uploads) ? Directory.GetDirectories(uploads).Length : 0;
    }

    /// <summary>Empties the bucket, as a test host's reset empties its files folder.</summary>
    public static async Task Empty(string bucket)
    {
        using var client = Client();
        foreach (var key in await Keys(bucket)) await client.DeleteObjectAsync(bucket, key);
    }

    public static void Stop()
    {
        lock (Gate)
        {
            if (_server is { HasExited: false })
            {
                _server.StandardInput.Close(); // serve.mjs stops when its input closes
                if (!_server.WaitForExit(5000)) _server.Kill();
            }
            _server?.Dispose();
            _server = null;
            _address = null;
            if (_folder is not null && Directory.Exists(_folder)) Directory.Delete(_folder, recursive: true);
            _folder = null;
        }
    }
}
