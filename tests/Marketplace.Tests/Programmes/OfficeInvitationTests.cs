using System.Net;
using System.Net.Http.Json;
using Marketplace.Platform;

namespace Marketplace.Tests;

/// <summary>
/// An office's invitation (issue 29): the link is mailed to the invited person through the account mail, never handed
/// to the administrator; setting the password with it asks for consent to the terms of use and the privacy policy in
/// force, as sign-up does.
/// </summary>
public sealed class OfficeInvitationTests : ProgrammeTest
{
    [Test]
    public async Task The_invitation_is_mailed_to_the_person_and_the_administrator_is_not_given_the_link()
    {
        var (admin, programmeId) = await NewProgramme();
        var response = await admin.Http.PostAsJsonAsync($"/api/admin/programmes/{programmeId}/staff", new { email = "Staff@Test.example", displayName = "事務局 一郎" });
        var raw = await response.Content.ReadAsStringAsync();
        var invitation = await Created(response);

        var token = MailedToken(Str(invitation["userId"]), "officeInvitation");
        Assert.That(MailedTokenTo("staff@test.example", "officeInvitation"), Is.EqualTo(token), "mailed to the invited address");
        Assert.That(raw, Does.Not.Contain(token), "the administrator's answer carries no link");
        Assert.That(invitation.ContainsKey("link"), Is.False);
        Assert.That(Scalar("SELECT COUNT(*) FROM account_mail WHERE kind = 'officeInvitation' AND status = 'pending'"), Is.EqualTo(1));
    }

    // A trial invited "office@yuzawa": the account it made could receive no mail and could not be removed.
    [Test]
    public async Task An_address_no_mail_can_reach_is_refused_and_makes_no_account()
    {
        var (admin, programmeId) = await NewProgramme();
        var problem = await Problem(await admin.Http.PostAsJsonAsync($"/api/admin/programmes/{programmeId}/staff", new { email = "office@yuzawa", displayName = "事務局 一郎" }),
            HttpStatusCode.BadRequest);
        Assert.That(Str(problem["errorCodes"]!["email"]![0]!["code"]), Is.EqualTo("email"));
        Assert.That(Scalar("SELECT COUNT(*) FROM users WHERE role = 'office'"), Is.Zero);
    }

    [Test]
    public async Task Setting_the_password_asks_for_consent_to_the_terms_in_force_and_records_it()
    {
        var (admin, programmeId) = await NewProgramme();
        var token = await Invite(admin, programmeId, "consent@test.example", "同意 花子");
        var (terms, privacy) = await LegalVersions();

        var none = await Problem(await Browser().PostAsJsonAsync("/api/office-invitations/accept", new { token, password = Password }), HttpStatusCode.BadRequest);
        Assert.That(none.ToJsonString(), Does.Contain("termsNotAccepted"));
        var stale = await Problem(await Browser().PostAsJsonAsync("/api/office-invitations/accept",
            new { token, password = Password, acceptedTermsVersion = terms + 1, acceptedPrivacyVersion = privacy }), HttpStatusCode.BadRequest);
        Assert.That(stale["errors"]!.AsObject().ContainsKey("acceptedTermsVersion"), stale.ToJsonString());
        Assert.That(stale.ToJsonString(), Does.Contain("notCurrentVersion"));

        // A refused attempt spends no link.
        var http = Browser();
        var account = await Ok(await http.PostAsJsonAsync("/api/office-invitations/accept", await Acceptance(token)));
        Assert.That(account["mustAcceptTerms"]!.GetValue<bool>(), Is.False);
        Assert.That(Scalar($"SELECT COUNT(*) FROM legal_acceptances WHERE user_id = '{Str(account["id"])}' AND ((kind = 'terms' AND version = {terms}) OR (kind = 'privacy' AND version = {privacy}))"),
            Is.EqualTo(2));
        var me = await Ok(await http.PostAsJsonAsync("/api/auth/login", new { email = "consent@test.example", password = Password }));
        Assert.That(me["mustAcceptTerms"]!.GetValue<bool>(), Is.False, "not asked again at the first sign-in");
    }

    // A trial's invited person could not tell from the page which programme or which address the link set up.
    [Test]
    public async Task The_link_tells_its_page_the_programme_and_the_address_without_spending_it()
    {
        var (admin, programmeId) = await NewProgramme();
        var token = await Invite(admin, programmeId, "Look@Test.example", "見る 花子");

        var invitation = await Ok(await Browser().PostAsJsonAsync("/api/office-invitations/look-up", new { token }));
        Assert.That(Str(invitation["email"]), Is.EqualTo("look@test.example"));
        Assert.That(Str(invitation["displayName"]), Is.EqualTo("見る 花子"));
        Assert.That(Str(invitation["programmeName"]), Is.EqualTo("立科町社会福祉型テレワーク"));
        Assert.That(Str(invitation["prefecture"]), Is.EqualTo("長野県"));
        Assert.That(invitation["municipalities"]!.AsArray().Select(m => Str(m)), Is.EquivalentTo(new[] { "立科町", "佐久市" }));

        await Ok(await Browser().PostAsJsonAsync("/api/office-invitations/accept", await Acceptance(token)));
        await Problem(await Browser().PostAsJsonAsync("/api/office-invitations/look-up", new { token }), HttpStatusCode.BadRequest);
        var wrong = await Problem(await Browser().PostAsJsonAsync("/api/office-invitations/look-up", new { token = token + "x" }), HttpStatusCode.BadRequest);
        Assert.That(Str(wrong["code"]), Is.EqualTo("invitationInvalid"));
    }
}
