using System.Net;
using System.Net.Http.Json;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text.Json.Serialization;
using FluentValidation;
using MediatR;
using Marketplace.Platform;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Tests;

/// <summary>
/// OWASP ASVS 5.0 V2.2.1: text people type holds no control characters and no bidirectional overrides
/// (<see cref="PlainTextValidator{T,TProperty}"/>); long texts keep their line breaks.
/// </summary>
public sealed class PlainTextTests : ApiTest
{
    /// <summary>The texts that may span lines; every other text a client sends is one line.</summary>
    private static readonly string[] LongTexts =
    [
        "Jobs.PostJob.Command.Description", "Bids.PlaceBid.Command.Message", "Contracts.SubmitWork.Command.Message",
        "Contracts.RequestRevision.Command.Reason", "Contracts.LeaveReview.Command.Comment", "Workers.UpdateWorkerProfile.Command.Bio",
        "Conversations.AskQuestion.Command.Body", "Conversations.AnswerQuestion.Command.Body", "Conversations.PostMessage.Command.Body",
        "Contracts.ProposeChange.Command.Reason", "Contracts.ProposeCancellation.Command.Reason", "Contracts.DeclineRevision.Command.Reason",
        "Disputes.AddStatement.Command.Body", "Disputes.DecideDispute.Command.Reason", "Money.MatchDeposits.Command.Text",
        "Legal.PublishLegalDocument.Command.BodyJa", "Legal.PublishLegalDocument.Command.BodyEn",
        "Help.Contact.Command.Body", "Help.AnswerTicket.Command.Body", "Help.ReplyToTicket.Command.Body",
        "Jobs.PostJob.Command.FullDescription", "Programmes.PostNotice.Command.Body",
        "Contracts.SubmitMilestone.Command.Message", "Contracts.RequestMilestoneRevision.Command.Reason", "Contracts.AddMilestones.Command.Reason",
        "Teams.CreateTeam.Command.Description", "Teams.CreateTask.Command.Instructions", "Teams.SubmitTask.Command.Message",
        "Teams.PostTeamMessage.Command.Body",
        "Teams.ReturnTask.Command.Reason",
        "TaskJobs.PostTaskJob.Command.Instructions", "TaskJobs.PostTaskJob.Command.ItemsCsv", "TaskJobs.RejectTaskSubmission.Command.Reason",
        "TaskJobs.SubmitTaskItem.Command.Answers", "Contests.PostContest.Command.Description", "Contests.ReviewEntry.Command.Comment",
        "Contests.SubmitEntry.Command.Note",
    ];

    /// <summary>C0 controls, DEL, a C1 control, and the ends of both ranges of bidi embeddings, overrides and isolates.</summary>
    private static readonly char[] Refused = ['\u0000', '\u0007', '\u001b', '\u007f', '\u0085', '\u202a', '\u202e', '\u2066', '\u2069'];

    /// <summary>
    /// Every string (or list of strings) a client sends in a request's body or query, found by reflection: a new text
    /// field fails here until its validator has PlainText() or PlainMultilineText(). Ids taken from the route
    /// (positional record parameters and [JsonIgnore] properties) are matched against keys, never stored or shown.
    /// </summary>
    private static IEnumerable<(Type Request, PropertyInfo Field)> ClientTexts() =>
        from type in typeof(Program).Assembly.GetTypes()
        where type is { IsAbstract: false, IsGenericTypeDefinition: false }
              && type.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IRequest<>))
        let positional = type.GetConstructors().SelectMany(c => c.GetParameters()).Select(p => p.Name).ToHashSet(StringComparer.Ordinal)
        from property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
        where property.CanWrite && (property.PropertyType == typeof(string) || typeof(IEnumerable<string>).IsAssignableFrom(property.PropertyType))
              && property.GetCustomAttribute<JsonIgnoreAttribute>() is null && !positional.Contains(property.Name)
        select (type, property);

    private static string Name(Type request, PropertyInfo field) => $"{request.FullName!.Replace("Marketplace.", "").Replace('+', '.')}.{field.Name}";

    /// <summary>The field's value set to the text (a list field gets it as its only item); the other fields keep their defaults.</summary>
    private static object RequestWith(Type request, PropertyInfo field, string text)
    {
        var instance = request.GetConstructor(Type.EmptyTypes) is not null
            ? Activator.CreateInstance(request)!
            : RuntimeHelpers.GetUninitializedObject(request);
        field.SetValue(instance, field.PropertyType == typeof(string) ? text : new List<string> { text });
        return instance;
    }

    /// <summary>What the registered validators of the request say about the field ("title", or "skills[0]" for a list).</summary>
    private List<FluentValidation.Results.ValidationFailure> FailuresOf(Type request, PropertyInfo field, string text)
    {
        var key = System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(field.Name) + (field.PropertyType == typeof(string) ? "" : "[0]");
        var instance = RequestWith(request, field, text);
        var context = (IValidationContext)Activator.CreateInstance(typeof(ValidationContext<>).MakeGenericType(request), instance)!;
        return App.Services.GetServices(typeof(IValidator<>).MakeGenericType(request)).Cast<IValidator>()
            .SelectMany(v => v.Validate(context).Errors)
            .Where(f => f.PropertyName == key)
            .ToList();
    }

    [Test]
    public void Every_text_a_client_sends_refuses_control_characters_and_bidi_overrides()
    {
        var fields = ClientTexts().ToList();
        Assert.That(fields, Has.Count.GreaterThan(30), "the sweep finds the request texts");
        Assert.That(LongTexts, Is.SubsetOf(fields.Select(f => Name(f.Request, f.Field))), "every long text named here exists");
        Assert.Multiple(() =>
        {
            foreach (var (request, field) in fields)
            {
                var name = Name(request, field);
                foreach (var c in Refused)
                {
                    var failures = FailuresOf(request, field, $"ab{c}cd");
                    var code = $"U+{(int)c:X4}";
                    Assert.That(failures.Any(f => f.ErrorCode == ValidationCodes.PlainTextCode && f.ErrorMessage.Contains(code)), Is.True,
                        $"{name} refuses {code} with the code '{ValidationCodes.PlainTextCode}' naming the character; got: " +
                        string.Join(" | ", failures.Select(f => $"{f.ErrorCode}: {f.ErrorMessage}")));
                }
                foreach (var lineBreak in new[] { "\n", "\r\n", "\t" })
                {
                    var refused = FailuresOf(request, field, $"ab{lineBreak}cd").Any(f => f.ErrorCode == ValidationCodes.PlainTextCode);
                    Assert.That(refused, Is.EqualTo(!LongTexts.Contains(name)),
                        $"{name} {(LongTexts.Contains(name) ? "keeps" : "refuses")} {Uri.EscapeDataString(lineBreak)}");
                }
                // Japanese, an emoji (a surrogate pair) and the plain direction marks stay allowed.
                Assert.That(FailuresOf(request, field, "湯沢 🍶 \u200fab").Where(f => f.ErrorCode == ValidationCodes.PlainTextCode), Is.Empty, name);
            }
        });
    }

    [Test]
    public async Task A_title_with_a_right_to_left_override_is_a_400_naming_the_title_and_nothing_is_stored()
    {
        var business = await SignUp(Role.Business);
        var problem = await Problem(await business.Http.PostAsJsonAsync("/api/jobs", NewJob(title: "ラベル\u202Egpj.exe")), HttpStatusCode.BadRequest);
        Assert.That(problem["errors"]!.AsObject().Select(e => e.Key), Is.EqualTo(new[] { "title" }));
        var code = problem["errorCodes"]!["title"]![0]!;
        Assert.That(Str(code["code"]), Is.EqualTo("controlCharacter"));
        Assert.That(Str(code["character"]), Is.EqualTo("U+202E"));
        // Ordinal: a culture-aware search ignores the zero-width override and would find it anywhere.
        Assert.That(Str(code["message"]), Does.Contain("U+202E"));
        Assert.That(Str(code["message"]).Contains('\u202E', StringComparison.Ordinal), Is.False, "the message names the character without showing it");
        Assert.That(Scalar("SELECT COUNT(*) FROM jobs"), Is.Zero);
    }

    [Test]
    public async Task A_description_keeps_its_line_breaks_and_tabs()
    {
        var business = await SignUp(Role.Business);
        var job = await PostJob(business, NewJob(description: "雪と稲穂のモチーフで。\n- 720ml 瓶\r\n- 色:\t紺と金"));
        Assert.That(Str(job["description"]), Is.EqualTo("雪と稲穂のモチーフで。\n- 720ml 瓶\r\n- 色:\t紺と金"));
    }

    [Test]
    public async Task A_display_name_with_a_bell_character_is_a_400_naming_the_display_name()
    {
        var response = await Browser().PostAsJsonAsync("/api/auth/register",
            new { email = "bell@test.example", password = Password, displayName = "湯沢\u0007酒造", role = "business", acceptedTermsVersion = 1, acceptedPrivacyVersion = 1 });
        var problem = await Problem(response, HttpStatusCode.BadRequest);
        Assert.That(problem["errors"]!.AsObject().Select(e => e.Key), Is.EqualTo(new[] { "displayName" }));
        Assert.That(Str(problem["errorCodes"]!["displayName"]![0]!["character"]), Is.EqualTo("U+0007"));
        Assert.That(Scalar("SELECT COUNT(*) FROM users"), Is.Zero);
    }

    [Test]
    public async Task A_search_word_with_a_line_break_is_a_400_naming_the_query_parameter()
    {
        var worker = await SignUp(Role.Worker);
        var problem = await Problem(await worker.Http.GetAsync("/api/jobs?q=%E3%83%A9%E3%83%99%E3%83%AB%0A"), HttpStatusCode.BadRequest);
        Assert.That(Str(problem["errorCodes"]!["q"]![0]!["code"]), Is.EqualTo("controlCharacter"));
    }

    [Test]
    public async Task A_link_with_a_bidi_isolate_is_a_400_naming_the_link()
    {
        var (_, worker, contract) = await AwardedContract();
        var response = await worker.Http.PostAsJsonAsync($"/api/contracts/{Id(contract)}/submissions",
            new { message = "納品します", links = new[] { "https://example.com/a.pdf", "https://example.com/\u2067fdp.exe\u2069" } });
        var problem = await Problem(response, HttpStatusCode.BadRequest);
        Assert.That(problem["errors"]!.AsObject().Select(e => e.Key), Is.EqualTo(new[] { "links[1]" }));
    }
}
