using GovAssistant.KnowledgeBase;

namespace GovAssistant.ChatHub.Admin;

/// <summary>The bank's domain exceptions as ProblemDetails with Chinese messages (generic ones: <see cref="Api.Problems"/>).</summary>
internal static class AdminProblems
{
    public static IResult Of(DraftException e) => e.Error == DraftError.NotFound ? Api.Problems.NotFound(e.Message) : Api.Problems.Conflict(e.Message);

    /// <summary>400 naming every invalid field: "errors" maps field → messages.</summary>
    public static IResult Of(InvalidFaqEntryException e)
    {
        var errors = e.Errors.GroupBy(x => x.Field ?? "entry").ToDictionary(g => g.Key, g => g.Select(x => x.Message).ToArray());
        return Results.ValidationProblem(errors, detail: string.Join("；", e.Errors.Select(x => x.Message)), title: "请求有误");
    }
}
