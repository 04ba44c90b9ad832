using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace GovAssistant.ChatHub.Visitors;

/// <summary>
/// Signed, anonymous visitor tokens: the token carries a random visitor id, protected with ASP.NET Core Data
/// Protection (keys persisted beside the database), so a visitor keeps their conversations across restarts and
/// nobody can forge another visitor's id.
/// </summary>
public sealed class VisitorTokens(IDataProtectionProvider provider)
{
    private readonly IDataProtector _protector = provider.CreateProtector("GovAssistant.VisitorToken.v1");

    /// <summary>Issues a token for a new visitor.</summary>
    public (string VisitorId, string Token) Issue()
    {
        var visitorId = "v_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12));
        return (visitorId, Issue(visitorId));
    }

    /// <summary>Issues a token for a known visitor id (e.g. a WeChat openid mapped to a visitor).</summary>
    public string Issue(string visitorId) => _protector.Protect(visitorId);

    /// <summary>The visitor id inside a valid token, or null for anything else.</summary>
    public string? Validate(string? token)
    {
        if (string.IsNullOrWhiteSpace(token) || token.Length > 1024) return null;
        try
        {
            return _protector.Unprotect(token);
        }
        catch (CryptographicException)
        {
            return null;
        }
    }
}
