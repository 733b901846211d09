using Marketplace.Platform;

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
            if (!string.IsNullOrWhiteSpace(o.Folder)) return;
            // A folder beside the SQLite file, or the app's data folder on a database server.
            var dataSource = db.Engine == DatabaseEngine.Sqlite
                ? new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(db.ConnectionString).DataSource
                : null;
            var folder = string.IsNullOrEmpty(dataSource) ? Path.Combine(env.ContentRootPath, "data") : Path.GetDirectoryName(Path.GetFullPath(dataSource))!;
            o.Folder = Path.Combine(folder, "files");
        });
        services.AddSingleton<IFileStore, FolderFileStore>();
        services.AddHealthChecks().AddCheck<FileStoreHealthCheck>("fileStore");
        services.AddPeriodicWork<FileSweeper>();
        return services;
    }
}
