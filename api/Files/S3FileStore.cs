using System.Buffers;
using System.Net;
using System.Runtime.CompilerServices;
using Amazon;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using Microsoft.Extensions.Options;

namespace Marketplace.Files;

/// <summary><c>Files:S3:*</c>: an S3-compatible object store (AWS S3, Sakura Cloud's, MinIO) that every node shares.</summary>
public sealed class S3StoreOptions
{
    /// <summary>The store's address (http://minio:9000, https://s3.isk01.sakurastorage.jp); empty: AWS S3 in <see cref="Region"/>.</summary>
    public string ServiceUrl { get; set; } = "";

    public string Bucket { get; set; } = "";

    /// <summary>The region requests are signed for (AWS: where the bucket is; most other stores take any).</summary>
    public string Region { get; set; } = "us-east-1";

    /// <summary>The access key; empty: the SDK's own chain (environment, an instance's or a container's role).</summary>
    public string AccessKey { get; set; } = "";

    public string SecretKey { get; set; } = "";

    /// <summary>Addresses the bucket in the path (http://host/bucket/key), as MinIO and most stores other than AWS need.</summary>
    public bool ForcePathStyle { get; set; }
}

/// <summary>
/// The object store: each file's bytes are one object named by its SHA-256 at the bucket's top level. An upload streams
/// into a multipart upload under <c>uploads/</c> while its hash is computed, one part of <see cref="PartSize"/> in
/// memory at a time, and is then copied inside the store under its hash (the store copies; no byte comes back through
/// the node) and its upload object deleted; an upload smaller than one part is sent in one PUT straight under its hash.
/// A read is a ranged GET from where the reader seeks, so an audio player's seek is one request for what it plays.
/// </summary>
public sealed class S3FileStore : IFileStore, IDisposable
{
    /// <summary>
    /// One part in memory per upload: S3 takes parts of 5 MiB at least (the last excepted); 8 MiB keeps a 100 MB
    /// upload to 13 requests and well inside the memory budget (docs/measurements.md).
    /// </summary>
    public const int PartSize = 8 * 1024 * 1024;

    /// <summary>Parts of uploads in progress, reused from one upload to the next.</summary>
    private static readonly ArrayPool<byte> Parts = ArrayPool<byte>.Create(PartSize, 16);

    /// <summary>Where uploads live until their hash is known; never a stored file's key (<see cref="FileKey"/>).</summary>
    private const string UploadsPrefix = "uploads/";

    private readonly AmazonS3Client _client;
    private readonly string _bucket;
    private readonly ILogger<S3FileStore> _logger;

    public S3FileStore(IOptions<FilesOptions> options, ILogger<S3FileStore> logger)
    {
        var s3 = options.Value.S3;
        _bucket = s3.Bucket;
        _logger = logger;
        var config = new AmazonS3Config
        {
            ForcePathStyle = s3.ForcePathStyle,
            // Integrity is the content hash the upload computed itself; stores other than AWS (s3rver, older MinIO) do
            // not all read the SDK 4's default trailing checksums.
            RequestChecksumCalculation = RequestChecksumCalculation.WHEN_REQUIRED,
            ResponseChecksumValidation = ResponseChecksumValidation.WHEN_REQUIRED,
        };
        if (string.IsNullOrWhiteSpace(s3.ServiceUrl))
            config.RegionEndpoint = RegionEndpoint.GetBySystemName(s3.Region);
        else
        {
            config.ServiceURL = s3.ServiceUrl;
            config.AuthenticationRegion = s3.Region;
        }
        _client = string.IsNullOrEmpty(s3.AccessKey)
            ? new AmazonS3Client(config)
            : new AmazonS3Client(new BasicAWSCredentials(s3.AccessKey, s3.SecretKey), config);
    }

    public string Description => $"s3 bucket {_bucket}";

    public void Dispose() => _client.Dispose();

    public Task<IFileUpload> BeginUploadAsync(CancellationToken ct = default) =>
        Task.FromResult<IFileUpload>(new MultipartUpload(this, UploadsPrefix + Guid.NewGuid().ToString("N")));

    public async Task PutAsync(string key, Stream content, CancellationToken ct = default)
    {
        await using var upload = await BeginUploadAsync(ct);
        var buffer = new byte[81920];
        int read;
        while ((read = await content.ReadAsync(buffer, ct)) > 0) await upload.WriteAsync(buffer.AsMemory(0, read), ct);
        await upload.CompleteAsync(key, ct);
    }

    public async Task<bool> ExistsAsync(string key, CancellationToken ct = default) => await LengthOf(KeyOf(key), ct) is not null;

    public async Task<Stream?> OpenReadAsync(string key, CancellationToken ct = default) =>
        await LengthOf(KeyOf(key), ct) is { } length ? new RangedObjectStream(_client, _bucket, key, length) : null;

    public Task DeleteAsync(string key, CancellationToken ct = default) =>
        _client.DeleteObjectAsync(new DeleteObjectRequest { BucketName = _bucket, Key = KeyOf(key) }, ct);

    public async IAsyncEnumerable<(string Key, DateTimeOffset StoredAt)> ListAsync([EnumeratorCancellation] CancellationToken ct = default)
    {
        await foreach (var o in Objects(prefix: null, ct))
            if (FileKey.IsValid(o.Key)) yield return (o.Key, StoredAt(o.LastModified));
    }

    public async Task<int> RemoveAbandonedUploadsAsync(DateTimeOffset before, CancellationToken ct = default)
    {
        var removed = 0;
        // Completed but never copied under their hash (the node stopped between the two).
        await foreach (var o in Objects(UploadsPrefix, ct))
            if (StoredAt(o.LastModified) < before)
            {
                await _client.DeleteObjectAsync(new DeleteObjectRequest { BucketName = _bucket, Key = o.Key }, ct);
                removed++;
            }
        // Never completed: their parts are kept (and billed) until aborted.
        try
        {
            var uploads = await _client.ListMultipartUploadsAsync(new ListMultipartUploadsRequest { BucketName = _bucket, Prefix = UploadsPrefix }, ct);
            foreach (var upload in uploads.MultipartUploads ?? [])
                if (StoredAt(upload.Initiated) < before)
                {
                    await _client.AbortMultipartUploadAsync(new AbortMultipartUploadRequest { BucketName = _bucket, Key = upload.Key, UploadId = upload.UploadId }, ct);
                    removed++;
                }
        }
        catch (AmazonS3Exception e) when (e.StatusCode is HttpStatusCode.NotImplemented or HttpStatusCode.MethodNotAllowed or HttpStatusCode.BadRequest)
        {
            // A store without the listing (s3rver) keeps its own: MinIO expires stale uploads after a day, AWS by a lifecycle rule.
        }
        return removed;
    }

    private static string KeyOf(string key) =>
        FileKey.IsValid(key) ? key : throw new ArgumentException("A key is a SHA-256 in lower-case hex.", nameof(key));

    private static DateTimeOffset StoredAt(DateTime? lastModified) =>
        lastModified is { } at ? new DateTimeOffset(at.ToUniversalTime(), TimeSpan.Zero) : DateTimeOffset.MinValue;

    private async Task<long?> LengthOf(string key, CancellationToken ct)
    {
        try
        {
            return (await _client.GetObjectMetadataAsync(new GetObjectMetadataRequest { BucketName = _bucket, Key = key }, ct)).ContentLength;
        }
        catch (AmazonS3Exception e) when (e.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    private async IAsyncEnumerable<S3Object> Objects(string? prefix, [EnumeratorCancellation] CancellationToken ct)
    {
        var request = new ListObjectsV2Request { BucketName = _bucket, Prefix = prefix };
        while (true)
        {
            var page = await _client.ListObjectsV2Async(request, ct);
            foreach (var o in page.S3Objects ?? []) yield return o;
            if (page.IsTruncated != true || string.IsNullOrEmpty(page.NextContinuationToken)) yield break;
            request.ContinuationToken = page.NextContinuationToken;
        }
    }

    /// <summary>
    /// The bytes in parts of <see cref="PartSize"/>: the first part is sent once it is full (a smaller upload never
    /// starts a multipart upload), so memory holds one part whatever the file's size.
    /// </summary>
    private sealed class MultipartUpload(S3FileStore store, string uploadKey) : IFileUpload
    {
        private byte[] _part = new byte[64 * 1024];
        private bool _rented;
        private int _filled;
        private string? _uploadId;
        private readonly List<PartETag> _parts = [];
        private bool _assembled;
        private bool _completed;

        public async ValueTask WriteAsync(ReadOnlyMemory<byte> bytes, CancellationToken ct = default)
        {
            while (bytes.Length > 0)
            {
                // Small files stay small in memory; past the first 64 KB the upload takes a whole part from the pool, so
                // a large upload allocates nothing per part and a busy node reuses a few parts.
                if (_filled == _part.Length)
                {
                    var part = Parts.Rent(PartSize);
                    _part.AsSpan(0, _filled).CopyTo(part);
                    _part = part;
                    _rented = true;
                }
                var n = Math.Min(bytes.Length, _part.Length - _filled);
                bytes[..n].CopyTo(_part.AsMemory(_filled));
                _filled += n;
                bytes = bytes[n..];
                if (_filled == PartSize) await SendPartAsync(ct);
            }
        }

        private async Task SendPartAsync(CancellationToken ct)
        {
            _uploadId ??= (await store._client.InitiateMultipartUploadAsync(
                new InitiateMultipartUploadRequest { BucketName = store._bucket, Key = uploadKey }, ct)).UploadId;
            var number = _parts.Count + 1;
            using var content = new MemoryStream(_part, 0, _filled, writable: false);
            var sent = await store._client.UploadPartAsync(new UploadPartRequest
            {
                BucketName = store._bucket, Key = uploadKey, UploadId = _uploadId, PartNumber = number, InputStream = content,
                PartSize = _filled, UseChunkEncoding = false,
            }, ct);
            _parts.Add(new PartETag(number, sent.ETag));
            _filled = 0;
        }

        public async Task CompleteAsync(string key, CancellationToken ct = default)
        {
            key = KeyOf(key);
            if (_uploadId is null)
            {
                using var content = new MemoryStream(_part, 0, _filled, writable: false);
                await store._client.PutObjectAsync(new PutObjectRequest
                {
                    BucketName = store._bucket, Key = key, InputStream = content, UseChunkEncoding = false, AutoCloseStream = false,
                }, ct);
                _completed = true;
                return;
            }
            if (_filled > 0) await SendPartAsync(ct);
            await store._client.CompleteMultipartUploadAsync(new CompleteMultipartUploadRequest
            {
                BucketName = store._bucket, Key = uploadKey, UploadId = _uploadId, PartETags = _parts,
            }, ct);
            _assembled = true;
            // The same bytes stored already: kept once, as they are.
            if (await store.LengthOf(key, ct) is null)
                await store._client.CopyObjectAsync(new CopyObjectRequest
                {
                    SourceBucket = store._bucket, SourceKey = uploadKey, DestinationBucket = store._bucket, DestinationKey = key,
                }, ct);
            _completed = true;
        }

        public async ValueTask DisposeAsync()
        {
            if (_rented) Parts.Return(_part);
            _rented = false;
            _part = [];
            try
            {
                if (_assembled)
                    await store._client.DeleteObjectAsync(new DeleteObjectRequest { BucketName = store._bucket, Key = uploadKey });
                else if (_uploadId is not null)
                    await store._client.AbortMultipartUploadAsync(new AbortMultipartUploadRequest { BucketName = store._bucket, Key = uploadKey, UploadId = _uploadId });
            }
            catch (Exception e) when (e is AmazonServiceException or HttpRequestException or IOException)
            {
                // The sweep removes what is left (RemoveAbandonedUploadsAsync); the upload itself succeeded or failed already.
                store._logger.LogWarning(e, "Upload {Key} was left in the object store (completed: {Completed})", uploadKey, _completed);
            }
        }
    }

    /// <summary>
    /// A seekable read of one object: each read continues one ranged GET from the position it began at, and a seek
    /// elsewhere ends it, so a range request costs one GET for the bytes from its start.
    /// </summary>
    private sealed class RangedObjectStream(AmazonS3Client client, string bucket, string key, long length) : Stream
    {
        private GetObjectResponse? _response;
        private Stream? _body;
        private long _position;

        public override bool CanRead => true;
        public override bool CanSeek => true;
        public override bool CanWrite => false;
        public override long Length => length;

        public override long Position
        {
            get => _position;
            set => Seek(value, SeekOrigin.Begin);
        }

        public override long Seek(long offset, SeekOrigin origin)
        {
            var target = origin switch
            {
                SeekOrigin.Begin => offset,
                SeekOrigin.Current => _position + offset,
                _ => length + offset,
            };
            if (target < 0) throw new IOException("A seek before the start of the object.");
            if (target != _position) CloseBody();
            _position = target;
            return _position;
        }

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken ct = default)
        {
            if (_position >= length || buffer.Length == 0) return 0;
            if (_body is null)
            {
                _response = await client.GetObjectAsync(new GetObjectRequest
                {
                    BucketName = bucket, Key = key, ByteRange = new ByteRange(_position, length - 1),
                }, ct);
                _body = _response.ResponseStream;
            }
            var read = await _body.ReadAsync(buffer, ct);
            if (read == 0) throw new IOException($"The object store ended object {key} at {_position} of {length} bytes.");
            _position += read;
            return read;
        }

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken ct) =>
            ReadAsync(buffer.AsMemory(offset, count), ct).AsTask();

        public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer, offset, count, CancellationToken.None).GetAwaiter().GetResult();

        private void CloseBody()
        {
            _body?.Dispose();
            _response?.Dispose();
            _body = null;
            _response = null;
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing) CloseBody();
            base.Dispose(disposing);
        }

        public override void Flush() { }
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
