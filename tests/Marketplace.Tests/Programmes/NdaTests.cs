using System.Net;
using System.Net.Http.Json;
using Marketplace.Platform;

namespace Marketplace.Tests;

/// <summary>
/// A job under an NDA (issue 29): a worker reads its full description and files only after accepting the NDA, and is
/// told why before (403 ndaRequired, or identityNotVerified on a job for verified workers), never given the files; the
/// acceptance (template version or the PDF's hash, time, person) is listed on the contract's terms notice.
/// </summary>
public sealed class NdaTests : ProgrammeTest
{
    private async Task<(User Business, string JobId, string FileId)> NdaJob(bool verifiedOnly = false, User? business = null)
    {
        business ??= await SignUp(Role.Business);
        var file = await Created(await business.Http.Upload(Uploads.Pdf.Concat(Guid.NewGuid().ToByteArray()).ToArray(), "仕様書.pdf"));
        var job = await Created(await business.Http.PostAsJsonAsync("/api/jobs", new
        {
            title = "社内文書の翻訳", description = "製造業の社内文書（概要）", fullDescription = "新製品Xの仕様書10ページの英訳",
            category = "translation", budgetMin = 30_000, budgetMax = 80_000, deadline = DateTimeOffset.UtcNow.AddDays(30),
            region = "長野県", nda = "template", verifiedOnly, fileIds = new[] { Id(file) },
        }));
        return (business, Id(job), Id(file));
    }

    [Test]
    public async Task A_worker_who_has_not_accepted_the_nda_is_told_so_and_never_gets_the_files_or_the_full_description()
    {
        var (business, jobId, fileId) = await NdaJob();
        var worker = await SignUp(Role.Worker);
        var job = await Ok(await worker.Http.GetAsync($"/api/jobs/{jobId}"));
        Assert.That(job["files"]!.AsArray(), Is.Empty);
        Assert.That(job.ToJsonString(), Does.Not.Contain("新製品X"));
        Assert.That(job["ndaAccepted"]!.GetValue<bool>(), Is.False);
        await Refused(await worker.Http.GetAsync($"/api/jobs/{jobId}/confidential"), HttpStatusCode.Forbidden, "ndaRequired");
        await Refused(await worker.Http.GetAsync($"/api/files/{fileId}"), HttpStatusCode.Forbidden, "ndaRequired");
        await Refused(await worker.Http.PostAsJsonAsync($"/api/jobs/{jobId}/bids", new { amount = 50_000, deliveryDays = 14, message = "翻訳します" }),
            HttpStatusCode.Forbidden, "ndaRequired");
        // Visitors learn nothing of it either.
        var visitor = App.CreateClient();
        Assert.That((await visitor.GetAsync($"/api/files/{fileId}")).StatusCode, Is.EqualTo(HttpStatusCode.NotFound));

        var acceptance = await Ok(await worker.Http.PostAsync($"/api/jobs/{jobId}/nda/accept", null));
        Assert.That(Str(acceptance["templateVersion"]), Is.EqualTo(Marketplace.Ndas.NdaTemplate.Version));
        var again = await Ok(await worker.Http.PostAsync($"/api/jobs/{jobId}/nda/accept", null));
        Assert.That(Id(again), Is.EqualTo(Id(acceptance)), "accepting twice answers the first acceptance");
        var details = await Ok(await worker.Http.GetAsync($"/api/jobs/{jobId}/confidential"));
        Assert.That(Str(details["fullDescription"]), Is.EqualTo("新製品Xの仕様書10ページの英訳"));
        Assert.That(details["files"]!.AsArray().Select(f => Str(f!["id"])), Is.EqualTo(new[] { fileId }));
        Assert.That((await worker.Http.GetAsync($"/api/files/{fileId}")).StatusCode, Is.EqualTo(HttpStatusCode.OK));

        // The acceptance is on the contract's terms notice: the text's version, when, and who.
        var bid = await PlaceBid(worker, jobId);
        var contract = await Award(business, jobId, Id(bid));
        var terms = await Ok(await worker.Http.GetAsync($"/api/contracts/{Id(contract)}/terms"));
        var nda = terms["terms"]!["nda"]!;
        Assert.That((Str(nda["templateVersion"]), Str(nda["acceptedBy"])), Is.EqualTo((Marketplace.Ndas.NdaTemplate.Version, worker.DisplayName)));
        Assert.That(nda["acceptedAt"], Is.Not.Null);
    }

    [Test]
    public async Task A_job_for_verified_workers_refuses_an_unverified_worker_its_nda_and_its_bids()
    {
        var (_, jobId, _) = await NdaJob(verifiedOnly: true);
        var worker = await SignUp(Role.Worker);
        await Refused(await worker.Http.PostAsync($"/api/jobs/{jobId}/nda/accept", null), HttpStatusCode.Forbidden, "identityNotVerified");
        await Refused(await worker.Http.GetAsync($"/api/jobs/{jobId}/confidential"), HttpStatusCode.Forbidden, "identityNotVerified");

        var admin = await Administrator();
        var checkId = await AskIdentityCheck(worker);
        await Ok(await admin.Http.PostAsJsonAsync($"/api/identity-checks/{checkId}/decide", new { verified = true, documentType = "driversLicence" }));
        await Ok(await worker.Http.PostAsync($"/api/jobs/{jobId}/nda/accept", null));
        await PlaceBid(worker, jobId);
    }

    [Test]
    public async Task The_business_reads_its_own_confidential_part_and_a_job_without_an_nda_has_none()
    {
        var (business, jobId, _) = await NdaJob();
        var details = await Ok(await business.Http.GetAsync($"/api/jobs/{jobId}/confidential"));
        Assert.That(details["files"]!.AsArray(), Has.Count.EqualTo(1));
        var plain = await PostJob(business);
        await Refused(await business.Http.GetAsync($"/api/jobs/{Id(plain)}/confidential"), HttpStatusCode.Conflict, "noNda");
        // A full description is for an NDA job only.
        await Problem(await business.Http.PostAsJsonAsync("/api/jobs", new
        {
            title = "翻訳", description = "概要", fullDescription = "詳細", category = "translation", budgetMin = 30_000, budgetMax = 80_000,
            deadline = DateTimeOffset.UtcNow.AddDays(30),
        }), HttpStatusCode.BadRequest);
    }
}
