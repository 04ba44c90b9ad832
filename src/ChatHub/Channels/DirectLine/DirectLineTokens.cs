using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;

namespace GovAssistant.ChatHub.Channels.DirectLine;

/// <summary>What a Direct Line token grants: one conversation, as one visitor, until it expires.</summary>
/// <param name="ConversationId">The only conversation the token opens.</param>
/// <param name="VisitorId">The GovAssistant visitor the conversation belongs to.</param>
/// <param name="ExpiresAt">When the token stops working.</param>
public sealed record DirectLineGrant(string ConversationId, string VisitorId, DateTimeOffset ExpiresAt);

/// <summary>
/// Direct Line secrets, tokens and stream tickets. Tokens and tickets are signed and encrypted with ASP.NET Core Data
/// Protection (the host's keys, so they survive restarts), carry their conversation and expiry, and use different
/// purposes: a stream ticket from a <c>streamUrl</c> is no bearer token, and a token opens no stream by itself.
/// </summary>
public sealed class DirectLineTokens(IDataProtectionProvider provider, IOptions<DirectLineOptions> options, TimeProvider time)
{
    private readonly IDataProtector _tokens = provider.CreateProtector("GovAssistant.DirectLine.Token.v1");
    private readonly IDataProtector _tickets = provider.CreateProtector("GovAssistant.DirectLine.StreamTicket.v1");
    private readonly byte[][] _secretHashes = [.. options.Value.Secrets.Where(s => !string.IsNullOrEmpty(s)).Select(Hash)];
    private readonly DirectLineOptions _options = options.Value;

    /// <summary>True when <paramref name="candidate"/> is one of the configured secrets (constant-time comparison).</summary>
    public bool IsSecret(string candidate)
    {
        var hash = Hash(candidate);
        var match = false;
        foreach (var known in _secretHashes) match |= CryptographicOperations.FixedTimeEquals(hash, known);
        return match;
    }

    /// <summary>A fresh token for <paramref name="conversationId"/>.</summary>
    public (string Token, int ExpiresIn) Issue(string conversationId, string visitorId) =>
        (Protect(_tokens, conversationId, visitorId, _options.TokenLifetime), (int)_options.TokenLifetime.TotalSeconds);

    /// <summary>The grant of a valid, unexpired token; null for anything else.</summary>
    public DirectLineGrant? Validate(string? token) => Unprotect(_tokens, token);

    /// <summary>A short-lived ticket for the <c>streamUrl</c> of <paramref name="conversationId"/>.</summary>
    public string IssueStreamTicket(string conversationId, string visitorId) =>
        Protect(_tickets, conversationId, visitorId, _options.StreamUrlLifetime);

    /// <summary>The grant of a valid, unexpired stream ticket; null for anything else.</summary>
    public DirectLineGrant? ValidateStreamTicket(string? ticket) => Unprotect(_tickets, ticket);

    private string Protect(IDataProtector protector, string conversationId, string visitorId, TimeSpan lifetime)
    {
        var payload = new Payload(conversationId, visitorId, (time.GetUtcNow() + lifetime).ToUnixTimeSeconds());
        return protector.Protect(JsonSerializer.Serialize(payload));
    }

    private DirectLineGrant? Unprotect(IDataProtector protector, string? token)
    {
        if (string.IsNullOrWhiteSpace(token) || token.Length > 2048) return null;
        try
        {
            var payload = JsonSerializer.Deserialize<Payload>(protector.Unprotect(token));
            if (payload is null || string.IsNullOrEmpty(payload.C) || string.IsNullOrEmpty(payload.V)) return null;
            var expires = DateTimeOffset.FromUnixTimeSeconds(payload.E);
            return expires > time.GetUtcNow() ? new DirectLineGrant(payload.C, payload.V, expires) : null;
        }
        catch (Exception e) when (e is CryptographicException or JsonException or FormatException)
        {
            return null;
        }
    }

    private static byte[] Hash(string s) => SHA256.HashData(Encoding.UTF8.GetBytes(s));

    /// <summary>Kept short: the token travels in every request header and in the stream URL.</summary>
    private sealed record Payload(string C, string V, long E);
}
