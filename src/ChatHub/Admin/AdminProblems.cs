using GovAssistant.KnowledgeBase;

namespace GovAssistant.ChatHub.Admin;

/// <summary>The bank's refusals as ProblemDetails with Chinese messages.</summary>
internal static class AdminProblems
{
    public static IResult Forbidden(string detail) =>
        Results.Problem(detail: detail, statusCode: StatusCodes.Status403Forbidden, title: "无权操作");

    public static IResult Conflict(string detail) =>
        Results.Problem(detail: detail, statusCode: StatusCodes.Status409Conflict, title: "无法完成");

    public static IResult Of(DraftException e) => e.Error == DraftError.NotFound ? Api.Problems.NotFound(e.Message) : Conflict(e.Message);

    /// <summary>400 naming every invalid field: "errors" maps field → messages.</summary>
    public static IResult Of(InvalidFaqEntryException e)
    {
        var errors = e.Errors.GroupBy(x => x.Field ?? "entry").ToDictionary(g => g.Key, g => g.Select(x => x.Message).ToArray());
        return Results.ValidationProblem(errors, detail: string.Join("；", e.Errors.Select(x => x.Message)), title: "请求有误");
    }
}
