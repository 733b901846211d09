using Marketplace.Platform;
namespace Marketplace.Conversations;

/// <summary>Every route of the conversations feature (questions before bidding, contract threads), mapped from here.</summary>
public static class ConversationsRoutes
{
    public static void Map(IEndpointRouteBuilder api)
    {
        var conversations = api.MapGroup("").RequireAuthorization().WithTags("Conversations").RequireScope(TokenScope.Read, TokenScope.ContractsWrite);
        AskQuestion.Map(conversations);
        ListQuestions.Map(conversations);
        AnswerQuestion.Map(conversations);
        PostMessage.Map(conversations);
        ListMessages.Map(conversations);
        MarkMessagesRead.Map(conversations);
        CountUnreadMessages.Map(conversations);
    }
}
