using System.Security.Cryptography;
using System.Text;

namespace GovAssistant.ChatHub.Channels.WeChat;

/// <summary>
/// WeChat's push signatures: the parts (token, timestamp, nonce, and in safe mode the Encrypt field) sorted
/// lexicographically, concatenated, SHA-1, lower-case hex.
/// </summary>
public static class WeChatSignature
{
    /// <summary>The signature of <paramref name="parts"/>.</summary>
    public static string Compute(params string[] parts)
    {
        var sorted = parts.Order(StringComparer.Ordinal).ToArray();
        return Convert.ToHexStringLower(SHA1.HashData(Encoding.UTF8.GetBytes(string.Concat(sorted))));
    }

    /// <summary>True when <paramref name="signature"/> is the signature of <paramref name="parts"/> (constant-time comparison).</summary>
    public static bool Verify(string? signature, params string[] parts)
    {
        if (string.IsNullOrEmpty(signature) || signature.Length > 64) return false;
        var expected = Encoding.ASCII.GetBytes(Compute(parts));
        var given = Encoding.ASCII.GetBytes(signature.ToLowerInvariant());
        return CryptographicOperations.FixedTimeEquals(expected, given);
    }
}
