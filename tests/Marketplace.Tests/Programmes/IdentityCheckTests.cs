using System.Net;
using System.Net.Http.Json;
using Dapper;
using Marketplace.Files;
using Marketplace.Platform;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Tests;

/// <summary>
/// Identity checks (issue 29, APPI data minimisation): the document's image is for the deciding office (or an
/// administrator, for a worker of no programme) only, while the check is pending; once decided, its row and its bytes are
/// gone and what stays is who decided, when, and the document's type; a verified worker shows 本人確認済み.
/// </summary>
public sealed class IdentityCheckTests : ProgrammeTest
{
    [Test]
    public async Task The_office_alone_reads_the_image_and_deciding_deletes_it_leaving_who_when_and_the_document_type()
    {
        var (admin, programmeId) = await NewProgramme();
        var office = await Office(admin, programmeId);
        var (_, otherId) = await NewProgramme(admin, name: "湯沢市ジョブハブ", prefecture: "秋田県", municipalities: ["湯沢市"]);
        var otherOffice = await Office(admin, otherId);
        var (worker, _) = await Member(office, programmeId);
        // Bytes of this test's own (a PNG with a trailer), so that no other test's file shares them in the store.
        var bytes = Uploads.Png.Concat(Guid.NewGuid().ToByteArray()).ToArray();
        var file = await Created(await worker.Http.Upload(bytes, "licence.png"));
        var sha256 = Str(file["sha256"]);
        var check = await Created(await worker.Http.PostAsJsonAsync("/api/identity-checks", new { fileId = Id(file), documentType = "myNumberCard" }));
        await Refused(await worker.Http.PostAsJsonAsync("/api/identity-checks", new { fileId = Id(file), documentType = "myNumberCard" }), HttpStatusCode.Conflict, "identityCheckPending");

        // Not even the worker downloads its own image once it is a check's; another office and an administrator of a
        // member's check do not know the check.
        await Refused(await worker.Http.GetAsync($"/api/files/{Id(file)}"), HttpStatusCode.NotFound);
        await Refused(await worker.Http.GetAsync($"/api/identity-checks/{Id(check)}/image"), HttpStatusCode.Forbidden);
        await Refused(await otherOffice.Http.GetAsync($"/api/identity-checks/{Id(check)}/image"), HttpStatusCode.NotFound);
        await Refused(await admin.Http.GetAsync($"/api/identity-checks/{Id(check)}/image"), HttpStatusCode.NotFound);
        var image = await office.Http.GetAsync($"/api/identity-checks/{Id(check)}/image");
        Assert.That(image.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await image.Content.ReadAsByteArrayAsync(), Is.EqualTo(bytes));

        var decided = await Ok(await office.Http.PostAsJsonAsync($"/api/identity-checks/{Id(check)}/decide",
            new { verified = true, documentType = "driversLicence", note = "顔写真と一致" }));
        Assert.Multiple(() =>
        {
            Assert.That(Str(decided["status"]), Is.EqualTo("verified"));
            Assert.That(Str(decided["documentType"]), Is.EqualTo("driversLicence"), "the decider's reading of the document stays");
            Assert.That(Str(decided["decidedByName"]), Is.EqualTo(office.DisplayName));
            Assert.That(decided["decidedAt"], Is.Not.Null);
            Assert.That(decided["hasImage"]!.GetValue<bool>(), Is.False);
        });
        await Refused(await office.Http.GetAsync($"/api/identity-checks/{Id(check)}/image"), HttpStatusCode.NotFound);
        Assert.That(Scalar($"SELECT COUNT(*) FROM files WHERE id = '{Id(file)}'"), Is.Zero, "the image's row is deleted");
        Assert.That(await App.Services.GetRequiredService<IFileStore>().ExistsAsync(sha256), Is.False, "the image's bytes are deleted");
        await Refused(await office.Http.PostAsJsonAsync($"/api/identity-checks/{Id(check)}/decide", new { verified = false, documentType = "driversLicence" }),
            HttpStatusCode.Conflict, "identityCheckDecided");

        // 本人確認済み on the profile and on the worker's bids.
        Assert.That((await Ok(await worker.Http.GetAsync($"/api/workers/{worker.Id}")))["verified"]!.GetValue<bool>(), Is.True);
        var business = await SignUp(Role.Business);
        var job = await PostJob(business);
        await PlaceBid(worker, Id(job));
        var bids = await business.Http.GetFromJsonAsync<System.Text.Json.Nodes.JsonArray>($"/api/jobs/{Id(job)}/bids");
        Assert.That(bids![0]!["workerVerified"]!.GetValue<bool>(), Is.True);
    }

    [Test]
    public async Task An_administrator_decides_for_a_worker_of_no_programme_and_a_rejection_verifies_nothing()
    {
        var (admin, programmeId) = await NewProgramme();
        var office = await Office(admin, programmeId);
        var worker = await SignUp(Role.Worker);
        var checkId = await AskIdentityCheck(worker);
        await Refused(await office.Http.PostAsJsonAsync($"/api/identity-checks/{checkId}/decide", new { verified = true, documentType = "driversLicence" }), HttpStatusCode.NotFound);
        await Refused(await admin.Http.PostAsJsonAsync($"/api/identity-checks/{checkId}/decide", new { documentType = "driversLicence" }), HttpStatusCode.BadRequest);
        var decided = await Ok(await admin.Http.PostAsJsonAsync($"/api/identity-checks/{checkId}/decide", new { verified = false, documentType = "residenceCard", note = "不鮮明" }));
        Assert.That(Str(decided["status"]), Is.EqualTo("rejected"));
        Assert.That((await Ok(await worker.Http.GetAsync($"/api/workers/{worker.Id}")))["verified"]!.GetValue<bool>(), Is.False);
        // The worker may ask again with a new image.
        await AskIdentityCheck(worker);
    }
}
