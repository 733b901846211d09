using Microsoft.Extensions.Options;

namespace Marketplace.Files;

/// <summary>
/// Where file bytes live, behind one small seam so that an object store (S3, Azure Blob) can replace the embedded
/// folder: put a stream under a key, open a stream to read (a range is read by seeking it), delete, and list what is
/// stored (the sweep removes bytes no row names). Keys are the SHA-256 of the bytes, in lower-case hex, so the same
/// bytes uploaded twice are stored once.
/// </summary>
public interface IFileStore
{
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

    /// <summary>Every stored key and when it was stored.</summary>
    IAsyncEnumerable<(string Key, DateTimeOffset StoredAt)> ListAsync(CancellationToken ct = default);
}

/// <summary>
/// The embedded store: one file per key under <c>Files:Folder</c> (default: a <c>files</c> folder beside the SQLite
/// database, in the app's data folder), fanned out by the key's first two hex digits. A put writes a temporary file
/// in the same folder and moves it into place, so a cut-off write never leaves bytes under a key.
/// </summary>
public sealed class FolderFileStore(IOptions<FilesOptions> options) : IFileStore
{
    private string Root => options.Value.Folder;

    private string PathOf(string key)
    {
        if (key.Length != 64 || !key.All(c => c is >= '0' and <= '9' or >= 'a' and <= 'f'))
            throw new ArgumentException("A key is a SHA-256 in lower-case hex.", nameof(key));
        return Path.Combine(Root, key[..2], key);
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

    /// <summary>The embedded store's folder; set from the database's folder when empty.</summary>
    public string Folder { get; set; } = "";

    /// <summary>Where uploads are written while they arrive, before their hash (their key) is known.</summary>
    public string StagingFolder => Path.Combine(Folder, "staging");

    /// <summary>Unattached files older than this are deleted by the sweep.</summary>
    public TimeSpan UnattachedLifetime { get; set; } = TimeSpan.FromDays(1);

    /// <summary>Stored bytes no row names are deleted once this old (an upload writes its bytes before its row).</summary>
    public TimeSpan OrphanGrace { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How often the sweep runs.</summary>
    public int SweepIntervalSeconds { get; set; } = 3600;
}
