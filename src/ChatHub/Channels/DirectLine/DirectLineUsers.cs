using System.Security.Cryptography;

namespace GovAssistant.ChatHub.Channels.DirectLine;

/// <summary>The user a site names when it asks for a token or a conversation.</summary>
/// <param name="Id">The site's id for the user.</param>
/// <param name="Name">Display name.</param>
public sealed record DirectLineUser(string? Id, string? Name);

/// <summary>
/// Direct Line users as GovAssistant visitors: a site's user id becomes the visitor id "dl_…", so the same user keeps
/// their conversations together, and Direct Line visitors never share ids with web visitors ("v_…").
/// </summary>
public static class DirectLineUsers
{
    /// <summary>The visitor id for <paramref name="userId"/>; a new random one when the site names nobody.</summary>
    public static string VisitorIdFor(string? userId)
    {
        if (string.IsNullOrEmpty(userId)) return "dl_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12));
        return userId.StartsWith("dl_", StringComparison.Ordinal) ? userId : "dl_" + userId;
    }

    /// <summary>What is wrong with <paramref name="user"/>, in Chinese, or null.</summary>
    public static string? Problem(DirectLineUser user)
    {
        if (user.Id is { } id && (id.Length is 0 or > 64 || !id.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '.' or ':' or '@')))
            return "user.id 应为 1–64 个字母、数字或 _ - . : @。";
        if (user.Name is { Length: > 64 }) return "user.name 最多 64 个字符。";
        return null;
    }
}
