namespace GovAssistant.ChatHub.Security;

/// <summary>
/// Refuses a request whose query string holds U+0000 (<c>%00</c>) with a Chinese 400 before any endpoint reads it:
/// no filter or search term contains one, and PostgreSQL cannot take one as a parameter (it answered 500). Kestrel
/// itself refuses <c>%00</c> in the path.
/// </summary>
internal sealed class NulInQuery(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        if (!request.QueryString.HasValue) return next(context); // most requests: nothing to parse
        var nul = request.Query.Any(q => q.Key.Contains('\0') || q.Value.Any(v => v?.Contains('\0') == true));
        return nul
            ? Results.Problem(detail: "请求地址含有无法识别的字符（%00），请检查后重试。", statusCode: StatusCodes.Status400BadRequest, title: "请求有误")
                .ExecuteAsync(context)
            : next(context);
    }
}
