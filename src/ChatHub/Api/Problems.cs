namespace GovAssistant.ChatHub.Api;

/// <summary>ProblemDetails results with a Chinese message a citizen, agent or integrator can act on.</summary>
internal static class Problems
{
    public static IResult BadRequest(string detail) =>
        Results.Problem(detail: detail, statusCode: StatusCodes.Status400BadRequest, title: "请求有误");

    public static IResult PayloadTooLarge(string detail) =>
        Results.Problem(detail: detail, statusCode: StatusCodes.Status413PayloadTooLarge, title: "请求过大");

    public static IResult UnsupportedMediaType(string detail) =>
        Results.Problem(detail: detail, statusCode: StatusCodes.Status415UnsupportedMediaType, title: "不支持的内容类型");

    /// <summary>
    /// Chinese title and detail for the responses the framework produces itself (404, 405, 401 …), so every error a
    /// client meets reads the same way.
    /// </summary>
    public static void Localize(ProblemDetailsContext context)
    {
        var problem = context.ProblemDetails;
        var (title, detail) = problem.Status switch
        {
            StatusCodes.Status400BadRequest => ("请求有误", "请求格式不正确。"),
            StatusCodes.Status401Unauthorized => ("未登录", "请先登录。"),
            StatusCodes.Status403Forbidden => ("没有权限", "当前账号没有执行此操作的权限。"),
            StatusCodes.Status404NotFound => ("未找到", "请求的地址不存在。"),
            StatusCodes.Status405MethodNotAllowed => ("方法不允许", "该地址不支持此请求方法。"),
            StatusCodes.Status413PayloadTooLarge => ("请求过大", "请求体过大。"),
            StatusCodes.Status415UnsupportedMediaType => ("不支持的内容类型", "请使用 Content-Type: application/json。"),
            StatusCodes.Status429TooManyRequests => ("请求过于频繁", "请求过于频繁，请稍后再试。"),
            >= 500 => ("服务器错误", "服务暂时不可用，请稍后再试。"),
            _ => (problem.Title, problem.Detail),
        };
        if (problem.Title is null || problem.Title.All(char.IsAscii)) problem.Title = title;
        problem.Detail ??= detail;
    }

    public static IResult NotFound(string detail) =>
        Results.Problem(detail: detail, statusCode: StatusCodes.Status404NotFound, title: "未找到");

    public static IResult Forbidden(string detail) =>
        Results.Problem(detail: detail, statusCode: StatusCodes.Status403Forbidden, title: "没有权限");

    public static IResult Conflict(string detail) =>
        Results.Problem(detail: detail, statusCode: StatusCodes.Status409Conflict, title: "无法完成");
}
