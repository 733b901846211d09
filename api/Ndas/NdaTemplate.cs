using MediatR;
using Marketplace.Platform;

namespace Marketplace.Ndas;

/// <summary>What a job asks of a worker before its confidential part: nothing, the platform's template, or the business's own PDF.</summary>
public enum JobNda { None, Template, File }

/// <summary>
/// The platform's NDA template, in force by version: an acceptance records the version it accepted, so a later text
/// never rewrites what a worker agreed to. A new text is a new version here (the old ones stay in the git history and in
/// each acceptance's version).
/// </summary>
public static class NdaTemplate
{
    public const string Version = "2026-1";

    public sealed record Text(string Version, string Japanese, string English);

    public static readonly Text Current = new(Version,
        """
        秘密保持誓約書（プラットフォーム標準版 2026-1）
        1. 私は、本案件の詳しい説明と参考資料（以下「秘密情報」）を、この案件の応募と業務のためにだけ使います。
        2. 秘密情報を第三者に開示・漏えいせず、複製は業務に必要な範囲にとどめます。
        3. 契約に至らなかった場合、または業務が終わった場合は、受け取った秘密情報を削除します。
        4. この誓約は、案件の終了後も3年間続きます。
        """,
        """
        Non-disclosure undertaking (the platform's standard text, 2026-1)
        1. I use the job's full description and reference files (the "confidential information") only to bid on and do this job.
        2. I do not disclose the confidential information to anyone else, and copy it only as far as the work needs.
        3. If no contract follows, or when the work ends, I delete the confidential information I received.
        4. This undertaking lasts for three years after the job ends.
        """);

    public sealed record Query : IRequest<Text>;

    public sealed class Handler : IRequestHandler<Query, Text>
    {
        public Task<Text> Handle(Query query, CancellationToken ct) => Task.FromResult(Current);
    }

    public static void Map(IEndpointRouteBuilder ndas) =>
        ndas.MapGet("/nda-template", (IMediator mediator) => mediator.Send(new Query()))
            .WithName("GetNdaTemplate").AllowAnonymous();
}

/// <summary>
/// Why a worker may not read an NDA job's confidential part (its full description, its reference files, a bid): the
/// 403 codes the web client words. Null when the caller may read it, or when the job has no NDA.
/// </summary>
public static class NdaGate
{
    public const string NdaRequired = "ndaRequired";
    public const string IdentityNotVerified = "identityNotVerified";

    /// <summary>The refusal for <paramref name="userId"/> on <paramref name="jobId"/>, or null (nda_readers: 0027).</summary>
    public static async Task<ProblemException?> RefusalAsync(DbSession db, string jobId, string userId)
    {
        var gate = await db.QuerySingleOrDefaultAsync<Gate>(
            """
            SELECT j.nda, j.verified_only,
                   CASE WHEN EXISTS (SELECT 1 FROM nda_readers r WHERE r.job_id = j.id AND r.user_id = @Me) THEN 1 ELSE 0 END AS reader,
                   CASE WHEN EXISTS (SELECT 1 FROM verified_workers v WHERE v.worker_id = @Me) THEN 1 ELSE 0 END AS verified
            FROM jobs j WHERE j.id = @JobId
            """, new { JobId = jobId, Me = userId });
        if (gate is null || gate.Nda == JobNda.None || gate.Reader) return null;
        return gate.VerifiedOnly && !gate.Verified
            ? new ProblemException(403, "Identity check required.",
                "This job is for workers whose identity is verified: ask for an identity check first.", IdentityNotVerified)
            : new ProblemException(403, "NDA required.",
                "This job's full description and files are confidential: accept its NDA first (POST /api/jobs/{id}/nda/accept).", NdaRequired);
    }

    private sealed class Gate
    {
        public JobNda Nda { get; init; }
        public bool VerifiedOnly { get; init; }
        public bool Reader { get; init; }
        public bool Verified { get; init; }
    }
}
