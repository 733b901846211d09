using Marketplace.Platform;
using Microsoft.Extensions.Options;

namespace Marketplace.Files;

/// <summary>Every route of the files feature, mapped from here.</summary>
public static class FilesRoutes
{
    public static void Map(IEndpointRouteBuilder api)
    {
        var files = api.MapGroup("").RequireAuthorization().WithTags("Files").RequireScope(TokenScope.Read, TokenScope.FilesWrite);
        UploadFile.Map(files);
        DownloadFile.Map(files);
    }

    public static IServiceCollection AddFiles(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<FilesOptions>().Bind(configuration.GetSection("Files")).PostConfigure<Db, IHostEnvironment>((o, db, env) =>
        {
            o.Store = o.Store.Trim().ToLowerInvariant();
            if (!string.IsNullOrWhiteSpace(o.Folder)) return;
            // A folder beside the SQLite file, or the app's data folder on a database server.
            var dataSource = db.Engine == DatabaseEngine.Sqlite
                ? new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(db.ConnectionString).DataSource
                : null;
            var folder = string.IsNullOrEmpty(dataSource) ? Path.Combine(env.ContentRootPath, "data") : Path.GetDirectoryName(Path.GetFullPath(dataSource))!;
            o.Folder = Path.Combine(folder, "files");
        });
        services.AddOptions<FilesOptions>()
            .Validate(o => o.Store is "folder" or "s3", "Files:Store is 'folder' or 's3'.")
            .Validate(o => o.Store != "s3" || !string.IsNullOrWhiteSpace(o.S3.Bucket), "Files:Store 's3' needs Files:S3:Bucket.")
            .ValidateOnStart();
        // Every node of a deployment shares the object store; the folder is for one node (or a folder they share).
        services.AddSingleton<IFileStore>(sp => sp.GetRequiredService<IOptions<FilesOptions>>().Value.Store == "s3"
            ? ActivatorUtilities.CreateInstance<S3FileStore>(sp)
            : ActivatorUtilities.CreateInstance<FolderFileStore>(sp));
        services.AddHealthChecks().AddCheck<FileStoreHealthCheck>("fileStore");
        services.AddPeriodicWork<FileSweeper>();
        return services;
    }
}
