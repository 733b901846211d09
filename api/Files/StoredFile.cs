namespace Marketplace.Files;

/// <summary>An uploaded file as the API shows it.</summary>
public sealed record StoredFile
{
    public required string Id { get; init; }
    public required string Name { get; init; }
    public required long Size { get; init; }
    /// <summary>The type its first bytes showed (<see cref="FileTypes"/>), never the one the uploader declared.</summary>
    public required string ContentType { get; init; }
    public required string Sha256 { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    /// <summary>A job's reference file that visitors may download too (the business chose it); null for other files.</summary>
    public bool? Public { get; init; }
}

/// <summary>A file with what it is attached to, as the attachment lists read it.</summary>
internal sealed class AttachedFileRow
{
    public string Id { get; init; } = "";
    public string Name { get; init; } = "";
    public long Size { get; init; }
    public string ContentType { get; init; } = "";
    public string Sha256 { get; init; } = "";
    public DateTimeOffset CreatedAt { get; init; }
    /// <summary>The message, submission, revision request or job the file is attached to.</summary>
    public string OwnerId { get; init; } = "";
    public bool Public { get; init; }

    public StoredFile ToFile(bool showPublic) => new()
    {
        Id = Id, Name = Name, Size = Size, ContentType = ContentType, Sha256 = Sha256, CreatedAt = CreatedAt,
        Public = showPublic ? Public : null,
    };
}
