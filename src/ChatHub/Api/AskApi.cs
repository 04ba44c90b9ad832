using System.Text.Json;
using GovAssistant.ChatHub.Assist;
using GovAssistant.ChatHub.Conversations;
using GovAssistant.ChatHub.Insights;
using GovAssistant.ChatHub.Limits;
using GovAssistant.KnowledgeBase;
using GovAssistant.QaEngine;
using GovAssistant.QaEngine.Answering;

namespace GovAssistant.ChatHub.Api;

/// <summary>
/// <c>POST /api/ask</c> <c>{ "question": "…", "conversationId": "…"? }</c> → the engine's decision. Without a
/// conversation id a new one is issued; passing it back lets follow-ups ("需要带什么材料？") use the topic.
/// </summary>
internal static class AskApi
{
    private const long MaxBodyBytes = 16 * 1024;
    private const string Example = "{\"question\":\"居住证怎么办理？\"}";

    public static IEndpointRouteBuilder MapAsk(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/ask", AskAsync)
            .WithName("Ask")
            .RequireAskLimit()
            .Produces<AskResponse>()
            .ProducesProblem(StatusCodes.Status400BadRequest);
        return app;
    }

    private static async Task<IResult> AskAsync(HttpRequest request, AnswerEngine engine, ConversationContexts contexts, QuestionRewriter rewriter, QuestionLog questions)
    {
        var (body, error) = await JsonBody.ReadAsync<AskRequest>(request, MaxBodyBytes, Example);
        if (error is not null) return error;
        if (TextRules.Problem(body!.Question, "问题不能为空，请输入您要咨询的内容。") is { } problem)
            return Problems.BadRequest(problem);
        // Characters as a citizen counts them: an emoji is one, not two UTF-16 units.
        var length = body.Question!.EnumerateRunes().Count();
        if (length > engine.Options.MaxQuestionLength)
            return Problems.BadRequest($"问题过长（{length} 个字），请精简到 {engine.Options.MaxQuestionLength} 个字以内。");
        if (body.ConversationId is { Length: > 0 } given && !ConversationIds.IsValid(given))
            return Problems.BadRequest("conversationId 格式不正确：应为 1–64 位字母、数字、- 或 _。");

        var conversationId = string.IsNullOrEmpty(body.ConversationId) ? ConversationIds.New() : body.ConversationId;
        var result = contexts.With(conversationId, context => engine.Ask(body.Question, context));
        result = await rewriter.ImproveAsync(conversationId, body.Question, result, request.HttpContext.RequestAborted);
        var (category, department) = contexts.LastTopic(conversationId);
        await questions.RecordAsync(new QuestionAsked("api", conversationId, body.Question, result, category, department, null)
        {
            OpensConversation = string.IsNullOrEmpty(body.ConversationId),
        });
        request.HttpContext.RequestServices.GetRequiredService<Operations.ServiceMetrics>().Asked("api", System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(result.Decision.ToString()));
        return Results.Ok(AskResponse.From(result, conversationId));
    }

    private sealed record AskRequest(string? Question, string? ConversationId);
}

/// <summary>The ask API's answer.</summary>
internal sealed record AskResponse(
    string Decision,
    string? Answer,
    string? FaqId,
    string? Question,
    string? Category,
    string? Department,
    string? Basis,
    double Confidence,
    IReadOnlyList<AskCandidate> Candidates,
    IReadOnlyList<AskCandidate> Choices,
    string? Reply,
    string? Reason,
    bool UsedContext,
    string ConversationId,
    string? Aspect,
    string? AnswerSection,
    string? Region,
    IReadOnlyList<AskQuestion> OtherQuestions)
{
    public static AskResponse From(AnswerResult r, string conversationId) => new(
        JsonNamingPolicy.CamelCase.ConvertName(r.Decision.ToString()),
        r.Entry?.Answer,
        r.Entry?.Id,
        r.Entry?.Question,
        r.Entry?.Category,
        r.Entry?.Department,
        r.Entry?.Basis,
        Math.Round(r.Confidence, 4),
        r.Candidates.Select(c => new AskCandidate(c.Id, c.Question, c.Score)).ToList(),
        r.Choices.Select(c => new AskCandidate(c.Id, c.Question, c.Score)).ToList(),
        r.Reply,
        r.Reason,
        r.UsedContext,
        conversationId,
        // The section is the answer's own words for the aspect asked; only an answer has one.
        r.Decision == AnswerDecision.Answered ? r.Aspect : null,
        r.Decision == AnswerDecision.Answered ? r.AnswerSection : null,
        r.Region,
        r.OtherQuestions.Select(c => new AskQuestion(c.Id, c.Question)).ToList());
}

/// <summary>Another question of the same message, offered after the answer.</summary>
internal sealed record AskQuestion(string Id, string Question);

/// <summary>A candidate question in the ask API's answer.</summary>
internal sealed record AskCandidate(string Id, string Question, double Score);
