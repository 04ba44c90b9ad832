using System.Text.Json;

namespace GovAssistant.ChatHub.Api;

/// <summary>
/// Reads a JSON request body with a size limit, turning every way it can be wrong (not JSON, wrong shape,
/// too large, wrong content type) into a ProblemDetails with a Chinese message instead of an exception.
/// </summary>
internal static class JsonBody
{
    public static async Task<(T? Value, IResult? Error)> ReadAsync<T>(HttpRequest request, long maxBytes, string example)
        where T : class
    {
        if (request.ContentLength > maxBytes)
            return (null, Problems.PayloadTooLarge($"请求体过大（最多 {maxBytes / 1024} KB）。"));
        if (!request.HasJsonContentType())
            return (null, Problems.UnsupportedMediaType($"请求体必须是 JSON（Content-Type: application/json），例如：{example}"));
        try
        {
            using var limited = new MemoryStream();
            var buffer = new byte[8192];
            int read;
            while ((read = await request.Body.ReadAsync(buffer, request.HttpContext.RequestAborted)) > 0)
            {
                if (limited.Length + read > maxBytes) return (null, Problems.PayloadTooLarge($"请求体过大（最多 {maxBytes / 1024} KB）。"));
                limited.Write(buffer, 0, read);
            }
            limited.Position = 0;
            var value = await JsonSerializer.DeserializeAsync<T>(limited, NulFreeStringConverter.WebOptions, request.HttpContext.RequestAborted);
            return value is null ? (null, Problems.BadRequest($"请求体不能为空，例如：{example}")) : (value, null);
        }
        catch (JsonException e) when (Security.MalformedText.Caused(e))
        {
            // Valid JSON syntax around text that is not: a lone surrogate escape (\ud800) or bytes that are not UTF-8.
            return (null, Problems.BadRequest(GovAssistant.KnowledgeBase.TextRules.Malformed));
        }
        catch (JsonException)
        {
            return (null, Problems.BadRequest($"请求体格式不正确：应为 JSON 对象，字段类型与示例一致，例如：{example}"));
        }
    }
}
