using System.Buffers;
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
            // The body is read into a pooled buffer (grown up to the limit) and parsed from it in one go: the ask API
            // reads one per question, and a fresh buffer and stream for each were a sixth of what a question allocated.
            var buffer = ArrayPool<byte>.Shared.Rent(4096);
            T? value;
            try
            {
                var length = 0;
                while (true)
                {
                    if (length == buffer.Length)
                    {
                        var larger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
                        buffer.AsSpan(0, length).CopyTo(larger);
                        ArrayPool<byte>.Shared.Return(buffer);
                        buffer = larger;
                    }
                    var read = await request.Body.ReadAsync(buffer.AsMemory(length), request.HttpContext.RequestAborted);
                    if (read == 0) break;
                    length += read;
                    if (length > maxBytes) return (null, Problems.PayloadTooLarge($"请求体过大（最多 {maxBytes / 1024} KB）。"));
                }
                value = JsonSerializer.Deserialize<T>(buffer.AsSpan(0, length), NulFreeStringConverter.WebOptions);
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }
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
