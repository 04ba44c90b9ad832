using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace GovAssistant.ChatHub.Visitors;

/// <summary>
/// Authenticates visitors by their token: <c>Authorization: Bearer …</c>, or the <c>access_token</c> query
/// parameter that SignalR clients use on WebSockets.
/// </summary>
public sealed class VisitorAuthentication(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, VisitorTokens tokens)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    /// <summary>Scheme name.</summary>
    public const string SchemeName = "Visitor";

    /// <summary>Policy requiring a valid visitor token.</summary>
    public const string Policy = "Visitor";

    /// <inheritdoc />
    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        string? token = null;
        var header = Request.Headers.Authorization.ToString();
        if (header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)) token = header["Bearer ".Length..].Trim();
        else if (Request.Query.TryGetValue("access_token", out var query)) token = query.ToString();
        if (token is null) return Task.FromResult(AuthenticateResult.NoResult());

        var visitorId = tokens.Validate(token);
        if (visitorId is null) return Task.FromResult(AuthenticateResult.Fail("访客凭证无效"));
        var identity = new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, visitorId), new Claim(ClaimTypes.Role, "visitor")], SchemeName);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName)));
    }
}
