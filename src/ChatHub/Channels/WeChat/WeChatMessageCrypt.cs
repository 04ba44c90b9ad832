using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace GovAssistant.ChatHub.Channels.WeChat;

/// <summary>
/// WeChat's message encryption (兼容/安全模式): AES-256-CBC with key = Base64(EncodingAESKey + "="), IV = the first
/// 16 bytes of the key, PKCS#7 padding to 32-byte blocks. The plaintext is 16 random bytes, the message length
/// (4 bytes, big-endian), the message (UTF-8) and the AppId it belongs to.
/// </summary>
public sealed class WeChatMessageCrypt
{
    private const int Block = 32;
    private readonly byte[] _key;
    private readonly byte[] _appId;

    /// <summary>A crypt for one app.</summary>
    public WeChatMessageCrypt(string encodingAesKey, string appId)
    {
        if (!IsValidKey(encodingAesKey)) throw new ArgumentException("EncodingAESKey 应为 43 个字母或数字", nameof(encodingAesKey));
        _key = Convert.FromBase64String(encodingAesKey + "=");
        _appId = Encoding.UTF8.GetBytes(appId);
    }

    /// <summary>True for a well-formed EncodingAESKey (43 Base64 characters that decode to 32 bytes).</summary>
    public static bool IsValidKey(string? encodingAesKey)
    {
        if (encodingAesKey is not { Length: 43 } || !encodingAesKey.All(char.IsAsciiLetterOrDigit)) return false;
        Span<byte> buffer = stackalloc byte[33];
        return Convert.TryFromBase64String(encodingAesKey + "=", buffer, out var written) && written == 32;
    }

    /// <summary>Encrypts <paramref name="message"/>; <paramref name="random16"/> is drawn when not given.</summary>
    public string Encrypt(string message, byte[]? random16 = null)
    {
        random16 ??= RandomNumberGenerator.GetBytes(16);
        if (random16.Length != 16) throw new ArgumentException("需要 16 个随机字节", nameof(random16));
        var body = Encoding.UTF8.GetBytes(message);
        var length = 16 + 4 + body.Length + _appId.Length;
        var pad = Block - length % Block;
        var plain = new byte[length + pad];
        random16.CopyTo(plain, 0);
        BinaryPrimitives.WriteInt32BigEndian(plain.AsSpan(16), body.Length);
        body.CopyTo(plain, 20);
        _appId.CopyTo(plain, 20 + body.Length);
        plain.AsSpan(length).Fill((byte)pad);
        using var aes = Aes.Create();
        aes.Key = _key;
        return Convert.ToBase64String(aes.EncryptCbc(plain, _key.AsSpan(0, 16), PaddingMode.None));
    }

    /// <summary>Decrypts <paramref name="encrypted"/>; throws <see cref="WeChatCryptException"/> when it is not ours.</summary>
    public string Decrypt(string encrypted)
    {
        byte[] cipher;
        try
        {
            cipher = Convert.FromBase64String(encrypted);
        }
        catch (FormatException)
        {
            throw new WeChatCryptException("密文不是有效的 Base64", wrongApp: false);
        }
        if (cipher.Length == 0 || cipher.Length % 16 != 0) throw new WeChatCryptException("密文长度不正确", wrongApp: false);
        using var aes = Aes.Create();
        aes.Key = _key;
        var plain = aes.DecryptCbc(cipher, _key.AsSpan(0, 16), PaddingMode.None);
        int pad = plain[^1];
        if (pad is < 1 or > Block || pad > plain.Length || plain.AsSpan(plain.Length - pad).ContainsAnyExcept((byte)pad))
            throw new WeChatCryptException("解密失败：填充不正确", wrongApp: false);
        var content = plain.AsSpan(0, plain.Length - pad);
        if (content.Length < 20) throw new WeChatCryptException("解密失败：内容过短", wrongApp: false);
        var length = BinaryPrimitives.ReadInt32BigEndian(content[16..]);
        // Compared as "length > room" rather than "20 + length > content.Length": 0x7fffffff + 20 overflows int.
        if (length < 0 || length > content.Length - 20) throw new WeChatCryptException("解密失败：长度字段不正确", wrongApp: false);
        var appId = content[(20 + length)..];
        if (!CryptographicOperations.FixedTimeEquals(appId, _appId)) throw new WeChatCryptException("消息不属于该应用（AppId 不符）", wrongApp: true);
        try
        {
            return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(content.Slice(20, length));
        }
        catch (DecoderFallbackException)
        {
            throw new WeChatCryptException("解密失败：内容不是有效的 UTF-8", wrongApp: false);
        }
    }
}

/// <summary>A push could not be decrypted, or belongs to another app.</summary>
public sealed class WeChatCryptException(string message, bool wrongApp) : Exception(message)
{
    /// <summary>True when it decrypted but names another AppId.</summary>
    public bool WrongApp { get; } = wrongApp;
}
