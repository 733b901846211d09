using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Marketplace.Platform;

namespace Marketplace.Tests;

/// <summary>
/// A programme's office staff as administrators see it (a trial's administrator could not tell who had accepted, and
/// had no way to replace a lost or expired link): the list with who accepted, and sending the invitation again, which
/// makes every earlier link refused and the new one work once.
/// </summary>
public sealed class OfficeStaffTests : ProgrammeTest
{
    private async Task<JsonArray> Staff(User admin, string programmeId)
    {
        var response = await admin.Http.GetAsync($"/api/admin/programmes/{programmeId}/staff");
        var body = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), body);
        return JsonNode.Parse(body)!.AsArray();
    }

    private static JsonObject Person(JsonArray staff, string email) => staff.Single(s => Str(s!["email"]) == email)!.AsObject();

    private Task<HttpResponseMessage> Accept(string token) => Acceptance(token).ContinueWith(a => Browser().PostAsJsonAsync("/api/office-invitations/accept", a.Result)).Unwrap();

    [Test]
    public async Task The_staff_list_shows_who_accepted_the_invitation_and_who_enrolled_in_two_step()
    {
        var (admin, programmeId) = await NewProgramme();
        var office = await Office(admin, programmeId);
        await Invite(admin, programmeId, "pending@test.example", "未承諾 太郎");
        var (_, otherId) = await NewProgramme(admin, name: "湯沢市ジョブハブ", prefecture: "秋田県", municipalities: ["湯沢市"]);
        await Invite(admin, otherId, "elsewhere@test.example", "他町 花子");

        var staff = await Staff(admin, programmeId);

        Assert.That(staff.Select(s => Str(s!["email"])), Is.EqualTo(new[] { office.Email, "pending@test.example" }), "this programme's staff only, in the order invited");
        var accepted = Person(staff, office.Email);
        Assert.That(Str(accepted["displayName"]), Is.EqualTo(office.DisplayName));
        Assert.That(accepted["acceptedAt"], Is.Not.Null);
        Assert.That(accepted["invitationExpiresAt"], Is.Null, "an accepted invitation has no link pending");
        Assert.That(accepted["twoStepEnabled"]!.GetValue<bool>(), Is.True);
        Assert.That(accepted["invitedAt"], Is.Not.Null);
        var pending = Person(staff, "pending@test.example");
        Assert.That(Str(pending["displayName"]), Is.EqualTo("未承諾 太郎"));
        Assert.That(pending["acceptedAt"], Is.Null);
        Assert.That(pending["invitationExpiresAt"]!.GetValue<DateTimeOffset>(), Is.EqualTo(DateTimeOffset.UtcNow.AddDays(7)).Within(TimeSpan.FromMinutes(1)));
        Assert.That(pending["twoStepEnabled"]!.GetValue<bool>(), Is.False);
    }

    [Test]
    public async Task Sending_again_makes_the_earlier_link_refused_and_the_new_one_work_once()
    {
        var (admin, programmeId) = await NewProgramme();
        var invitation = await Created(await admin.Http.PostAsJsonAsync($"/api/admin/programmes/{programmeId}/staff", new { email = "lost@test.example", displayName = "紛失 次郎" }));
        var userId = Str(invitation["userId"]);
        var lost = MailedToken(userId, "officeInvitation");

        var again = await Ok(await admin.Http.PostAsync($"/api/admin/programmes/{programmeId}/staff/{userId}/invitation", null));

        Assert.That(Str(again["email"]), Is.EqualTo("lost@test.example"));
        var fresh = MailedTokenTo("lost@test.example", "officeInvitation");
        Assert.That(fresh, Is.Not.EqualTo(lost));
        Assert.That(Scalar("SELECT COUNT(*) FROM account_mail WHERE kind = 'officeInvitation' AND status = 'pending'"), Is.EqualTo(1),
            "the unsent mail with the dead link is dropped; the new one waits to leave");
        Assert.That(Scalar($"SELECT COUNT(*) FROM audit_entries WHERE action = 'resendOfficeInvitation' AND object_id = '{userId}'"), Is.EqualTo(1));
        await Refused(await Accept(lost), HttpStatusCode.BadRequest, "invitationInvalid");
        await Ok(await Accept(fresh));
        await Refused(await Accept(fresh), HttpStatusCode.BadRequest, "invitationInvalid");
        Assert.That(Person(await Staff(admin, programmeId), "lost@test.example")["acceptedAt"], Is.Not.Null);
    }

    [Test]
    public async Task An_expired_link_is_replaced_by_sending_again()
    {
        var (admin, programmeId) = await NewProgramme();
        var invitation = await Created(await admin.Http.PostAsJsonAsync($"/api/admin/programmes/{programmeId}/staff", new { email = "late@test.example", displayName = "遅延 三郎" }));
        var expired = MailedToken(Str(invitation["userId"]), "officeInvitation");
        using (var connection = App.OpenDatabase()) // the seven days have passed
            Dapper.SqlMapper.Execute(connection, "UPDATE programme_staff SET token_expires_at = @When WHERE user_id = @Id",
                new { When = DateTimeOffset.UtcNow.AddMinutes(-1), Id = Str(invitation["userId"]) });
        await Refused(await Accept(expired), HttpStatusCode.BadRequest, "invitationInvalid");

        await Ok(await admin.Http.PostAsync($"/api/admin/programmes/{programmeId}/staff/{Str(invitation["userId"])}/invitation", null));

        await Ok(await Accept(MailedTokenTo("late@test.example", "officeInvitation")));
    }

    [Test]
    public async Task Inviting_a_pending_persons_address_again_sends_a_new_link_instead_of_refusing()
    {
        var (admin, programmeId) = await NewProgramme();
        var first = await Created(await admin.Http.PostAsJsonAsync($"/api/admin/programmes/{programmeId}/staff", new { email = "twice@test.example", displayName = "二度 四郎" }));
        var old = MailedToken(Str(first["userId"]), "officeInvitation");

        var second = await Created(await admin.Http.PostAsJsonAsync($"/api/admin/programmes/{programmeId}/staff", new { email = "Twice@Test.example", displayName = "二度 四郎" }));

        Assert.That(Str(second["userId"]), Is.EqualTo(Str(first["userId"])), "the same account");
        Assert.That(await Staff(admin, programmeId), Has.Count.EqualTo(1));
        await Refused(await Accept(old), HttpStatusCode.BadRequest, "invitationInvalid");
        await Ok(await Accept(MailedTokenTo("twice@test.example", "officeInvitation")));
    }

    [Test]
    public async Task Sending_again_to_a_person_who_accepted_is_refused_and_so_is_inviting_the_address()
    {
        var (admin, programmeId) = await NewProgramme();
        var office = await Office(admin, programmeId);
        var token = MailedToken(office.Id, "officeInvitation");

        await Refused(await admin.Http.PostAsync($"/api/admin/programmes/{programmeId}/staff/{office.Id}/invitation", null), HttpStatusCode.Conflict, "invitationAccepted");
        await Refused(await admin.Http.PostAsJsonAsync($"/api/admin/programmes/{programmeId}/staff", new { email = office.Email, displayName = "x" }),
            HttpStatusCode.Conflict, "emailBelongsToAccount");

        Assert.That(MailedToken(office.Id, "officeInvitation"), Is.EqualTo(token), "no new link was mailed");
        Assert.That(Scalar($"SELECT COUNT(*) FROM programme_staff WHERE user_id = '{office.Id}' AND token_hash IS NOT NULL"), Is.Zero, "no link was made");
    }

    [Test]
    public async Task An_address_that_is_not_a_pending_invitee_of_this_programme_is_refused_with_what_is_true()
    {
        var (admin, programmeId) = await NewProgramme();
        var worker = await SignUp(Role.Worker);
        var (_, otherId) = await NewProgramme(admin, name: "湯沢市ジョブハブ", prefecture: "秋田県", municipalities: ["湯沢市"]);
        var elsewhere = await Created(await admin.Http.PostAsJsonAsync($"/api/admin/programmes/{otherId}/staff", new { email = "elsewhere@test.example", displayName = "他町 花子" }));
        var elsewhereToken = MailedToken(Str(elsewhere["userId"]), "officeInvitation");

        var problem = await Problem(await admin.Http.PostAsJsonAsync($"/api/admin/programmes/{programmeId}/staff", new { email = worker.Email, displayName = "x" }),
            HttpStatusCode.Conflict);
        Assert.That(Str(problem["code"]), Is.EqualTo("emailBelongsToAccount"));
        Assert.That(Str(problem["detail"]), Does.Contain("belongs to an existing account").And.Not.Contain("sign up"));
        await Refused(await admin.Http.PostAsJsonAsync($"/api/admin/programmes/{programmeId}/staff", new { email = "elsewhere@test.example", displayName = "x" }),
            HttpStatusCode.Conflict, "emailBelongsToAccount");
        await Refused(await admin.Http.PostAsync($"/api/admin/programmes/{programmeId}/staff/{worker.Id}/invitation", null), HttpStatusCode.NotFound);
        await Refused(await admin.Http.PostAsync($"/api/admin/programmes/{programmeId}/staff/{Str(elsewhere["userId"])}/invitation", null), HttpStatusCode.NotFound);

        Assert.That(MailedTokenTo("elsewhere@test.example", "officeInvitation"), Is.EqualTo(elsewhereToken), "the other programme's link still works");
        await Ok(await Accept(elsewhereToken));
        Assert.That(Scalar("SELECT COUNT(*) FROM audit_entries WHERE action = 'resendOfficeInvitation'"), Is.Zero);
    }
}
