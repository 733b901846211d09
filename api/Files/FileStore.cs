using Microsoft.Extensions.Options;

namespace Marketplace.Files;

/// <summary>
/// Where file bytes live, behind one small seam so that an object store replaces the embedded folder
/// (<c>Files:Store</c>: <see cref="FolderFileStore"/> or <see cref="S3FileStore"/>): receive an upload whose key is known
/// only at its end, put a stream under a key, open a stream to read (a range is read by seeking it), delete, and list
/// what is stored (the sweep removes bytes no row names). Keys are the SHA-256 of the bytes, in lower-case hex, so the
/// same bytes uploaded twice are stored once.
/// </summary>
public interface IFileStore
{
    /// <summary>What <c>/health</c> names: the folder, or the object store and its bucket.</summary>
    string Description { get; }

    /// <summary>
    /// Starts receiving bytes as they arrive, before their key (their hash) is known; <see cref="IFileUpload.CompleteAsync"/>
    /// stores them under it. An upload disposed before it completes leaves nothing under any key.
    /// </summary>
    Task<IFileUpload> BeginUploadAsync(CancellationToken ct = default);

    /// <summary>Stores the whole stream under <paramref name="key"/>; it becomes visible only once complete.</summary>
    Task PutAsync(string key, Stream content, CancellationToken ct = default);

    Task<bool> ExistsAsync(string key, CancellationToken ct = default);

    /// <summary>
    /// A seekable stream of the stored bytes, or null when nothing is stored under the key. A reader of a range seeks
    /// to its start and reads its length (HTTP range requests do exactly that), so an object store answers it with a
    /// ranged GET behind the stream.
    /// </summary>
    Task<Stream?> OpenReadAsync(string key, CancellationToken ct = default);

    Task DeleteAsync(string key, CancellationToken ct = default);

    /// <summary>Every stored key and when it was stored (never what an upload still receives).</summary>
    IAsyncEnumerable<(string Key, DateTimeOffset StoredAt)> ListAsync(CancellationToken ct = default);

    /// <summary>
    /// Removes what uploads that died with their process left behind, begun before <paramref name="before"/> (a cut-off
    /// request cleans up after itself; a crash cannot). The answer is how many were removed.
    /// </summary>
    Task<int> RemoveAbandonedUploadsAsync(DateTimeOffset before, CancellationToken ct = default);
}

/// <summary>An upload on its way into the store; disposing it before <see cref="CompleteAsync"/> throws its bytes away.</summary>
public interface IFileUpload : IAsyncDisposable
{
    ValueTask WriteAsync(ReadOnlyMemory<byte> bytes, CancellationToken ct = default);

    /// <summary>Stores what was written under <paramref name="key"/> (already stored: the bytes are kept once).</summary>
    Task CompleteAsync(string key, CancellationToken ct = default);
}

/// <summary>A key is a SHA-256 in lower-case hex; anything else in a store is not a stored file's bytes.</summary>
public static class FileKey
{
    public static bool IsValid(string key) => key.Length == 64 && key.All(c => c is >= '0' and <= '9' or >= 'a' and <= 'f');
}

/// <summary>
/// The embedded store: one file per key under <c>Files:Folder</c> (default: a <c>files</c> folder beside the SQLite
/// database, in the app's data folder), fanned out by the key's first two hex digits. A put writes a temporary file
/// in the same folder and moves it into place, so a cut-off write never leaves bytes under a key.
/// </summary>
public sealed class FolderFileStore(IOptions<FilesOptions> options) : IFileStore
{
    private string Root => options.Value.Folder;

    public string Description => "folder";

    private string PathOf(string key)
    {
        if (!FileKey.IsValid(key)) throw new ArgumentException("A key is a SHA-256 in lower-case hex.", nameof(key));
        return Path.Combine(Root, key[..2], key);
    }

    /// <summary>The upload is written to a staging file in the store's folder, then moved under its key.</summary>
    public Task<IFileUpload> BeginUploadAsync(CancellationToken ct = default)
    {
        Directory.CreateDirectory(options.Value.StagingFolder);
        var staging = Path.Combine(options.Value.StagingFolder, Guid.NewGuid().ToString("N") + ".upload");
        var file = new FileStream(staging, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true);
        return Task.FromResult<IFileUpload>(new StagedUpload(this, staging, file));
    }

    private sealed class StagedUpload(FolderFileStore store, string staging, FileStream file) : IFileUpload
    {
        public ValueTask WriteAsync(ReadOnlyMemory<byte> bytes, CancellationToken ct = default) => file.WriteAsync(bytes, ct);

        public async Task CompleteAsync(string key, CancellationToken ct = default)
        {
            await file.FlushAsync(ct);
            await file.DisposeAsync();
            var target = store.PathOf(key);
            if (File.Exists(target)) return;
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            try { File.Move(staging, target); }
            catch (IOException) when (File.Exists(target)) { } // the same bytes arrived meanwhile: stored once
        }

        public async ValueTask DisposeAsync()
        {
            await file.DisposeAsync();
            File.Delete(staging); // gone already once moved under its key
        }
    }

    public Task<int> RemoveAbandonedUploadsAsync(DateTimeOffset before, CancellationToken ct = default)
    {
        var removed = 0;
        if (Directory.Exists(options.Value.StagingFolder))
            foreach (var staged in Directory.EnumerateFiles(options.Value.StagingFolder))
                if (File.GetLastWriteTimeUtc(staged) < before.UtcDateTime)
                {
                    File.Delete(staged);
                    removed++;
                }
        return Task.FromResult(removed);
    }

    public async Task PutAsync(string key, Stream content, CancellationToken ct = default)
    {
        var target = PathOf(key);
        if (File.Exists(target)) return;
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        var partial = target + "." + Guid.NewGuid().ToString("N") + ".partial";
        try
        {
            await using (var file = new FileStream(partial, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true))
                await content.CopyToAsync(file, ct);
            try { File.Move(partial, target); }
            catch (IOException) when (File.Exists(target)) { } // the same bytes arrived meanwhile: stored once
        }
        finally
        {
            File.Delete(partial);
        }
    }

    public Task<bool> ExistsAsync(string key, CancellationToken ct = default) => Task.FromResult(File.Exists(PathOf(key)));

    public Task<Stream?> OpenReadAsync(string key, CancellationToken ct = default)
    {
        var path = PathOf(key);
        try
        {
            return Task.FromResult<Stream?>(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, 81920, useAsync: true));
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return Task.FromResult<Stream?>(null);
        }
    }

    public Task DeleteAsync(string key, CancellationToken ct = default)
    {
        File.Delete(PathOf(key));
        return Task.CompletedTask;
    }

    public async IAsyncEnumerable<(string Key, DateTimeOffset StoredAt)> ListAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct = default)
    {
        if (!Directory.Exists(Root)) yield break;
        foreach (var path in Directory.EnumerateFiles(Root, "*", SearchOption.AllDirectories))
        {
            ct.ThrowIfCancellationRequested();
            var name = Path.GetFileName(path);
            if (name.Length != 64 || Path.GetFileName(Path.GetDirectoryName(path)) != name[..2]) continue; // partials, staging
            yield return (name, new DateTimeOffset(File.GetLastWriteTimeUtc(path), TimeSpan.Zero));
        }
        await Task.CompletedTask;
    }
}

public sealed class FilesOptions
{
    /// <summary>Largest file, in bytes (100 MB: an hour of interview audio as mp3 at 192 kbit/s is about 86 MB).</summary>
    public long MaxBytes { get; set; } = 100L * 1024 * 1024;

    /// <summary>What one person may keep stored, in bytes (2 GB).</summary>
    public long QuotaBytes { get; set; } = 2L * 1024 * 1024 * 1024;

    /// <summary>
    /// Where the bytes live: <c>folder</c> (the embedded default: <see cref="Folder"/>) or <c>s3</c> (an S3-compatible
    /// object store: <see cref="S3"/>), which every node of a deployment shares.
    /// </summary>
    public string Store { get; set; } = "folder";

    /// <summary>The object store, when <see cref="Store"/> is <c>s3</c>.</summary>
    public S3StoreOptions S3 { get; set; } = new();

    /// <summary>The embedded store's folder (its uploads are staged in it too); set from the database's folder when empty.</summary>
    public string Folder { get; set; } = "";

    /// <summary>Where the folder store writes uploads while they arrive, before their hash (their key) is known.</summary>
    public string StagingFolder => Path.Combine(Folder, "staging");

    /// <summary>Unattached files older than this are deleted by the sweep.</summary>
    public TimeSpan UnattachedLifetime { get; set; } = TimeSpan.FromDays(1);

    /// <summary>Stored bytes no row names are deleted once this old (an upload writes its bytes before its row).</summary>
    public TimeSpan OrphanGrace { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How often the sweep runs.</summary>
    public int SweepIntervalSeconds { get; set; } = 3600;
}
