using System.Security.Cryptography;
using System.Text;
using GovAssistant.ChatHub.Channels.WeChat;

namespace GovAssistant.ChatHub.Tests.WeChat;

/// <summary>Signatures and message encryption against WeChat's documented examples and random round trips.</summary>
public sealed class WeChatCryptTests
{
    private const string SampleKey = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG";
    private const string SampleAppId = "wxb11529c136998cb6";
    private const string SampleCipher = "jn1L23DB+6ELqJ+6bruv21Y6MD7KeIfP82D6gU39rmkgczbWwt5+3bnyg5K55bgVtVzd832WzZGMhkP72vVOfg==";

    [Fact]
    public void TheOfficialSampleEncryptsToTheDocumentedCiphertext()
    {
        var crypt = new WeChatMessageCrypt(SampleKey, SampleAppId);
        Assert.Equal(SampleCipher, crypt.Encrypt("我是中文abcd123", Encoding.ASCII.GetBytes("aaaabbbbccccdddd")));
    }

    [Fact]
    public void TheOfficialSampleDecryptsToItsMessage()
    {
        Assert.Equal("我是中文abcd123", new WeChatMessageCrypt(SampleKey, SampleAppId).Decrypt(SampleCipher));
    }

    [Fact]
    public void RandomMessagesRoundTripWithRandomKeys()
    {
        var random = new Random(20240607);
        const string alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
        for (var i = 0; i < 200; i++)
        {
            // The 43rd character carries only 4 key bits; the 2 low bits must be zero to decode to 32 bytes exactly.
            var key = new string(Enumerable.Range(0, 42).Select(_ => alphabet[random.Next(alphabet.Length)]).ToArray()) + "AEIMQUYcgkosw048"[random.Next(16)];
            var appId = "wx" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
            var message = RandomText(random, random.Next(0, 600));
            var crypt = new WeChatMessageCrypt(key, appId);

            Assert.Equal(message, crypt.Decrypt(crypt.Encrypt(message)));
            // And what the WeChat side (the tests' independent implementation) encrypts, the product decrypts.
            var wechat = new WeChatPusher(new Uri("http://127.0.0.1/"), appId, "t", key, encrypt: true);
            Assert.Equal(message, crypt.Decrypt(wechat.Encrypt(message)));
        }
    }

    [Fact]
    public void AMessageForAnotherAppIsRefused()
    {
        var wechat = new WeChatPusher(new Uri("http://127.0.0.1/"), SampleAppId, "t", SampleKey, encrypt: true);
        var cipher = wechat.Encrypt("<xml><Content>hi</Content></xml>", forAppId: "wx0000000000000000");

        var e = Assert.Throws<WeChatCryptException>(() => new WeChatMessageCrypt(SampleKey, SampleAppId).Decrypt(cipher));
        Assert.True(e.WrongApp);
    }

    [Fact]
    public void ATamperedCiphertextIsRefused()
    {
        var crypt = new WeChatMessageCrypt(SampleKey, SampleAppId);
        var bytes = Convert.FromBase64String(crypt.Encrypt("身份证丢了怎么补办", Encoding.ASCII.GetBytes("aaaabbbbccccdddd")));
        for (var i = bytes.Length - 32; i < bytes.Length; i++)
        {
            var tampered = (byte[])bytes.Clone();
            tampered[i] ^= 0x5a;
            Assert.Throws<WeChatCryptException>(() => crypt.Decrypt(Convert.ToBase64String(tampered)));
        }
        Assert.Throws<WeChatCryptException>(() => crypt.Decrypt("not base64!"));
        Assert.Throws<WeChatCryptException>(() => crypt.Decrypt(Convert.ToBase64String(bytes[..^1])));
    }

    [Theory]
    [InlineData("AAAAA", "1714036504", "1514711492", "f464b24fc39322e44b38aa78f5edd27bd1441696")]
    [InlineData("AAAAA", "1714037059", "486452656", "899cf89e464efb63f54ddac96b0a0a235f53aa78")]
    public void SignaturesMatchTheDocumentedExamples(string token, string timestamp, string nonce, string expected)
    {
        Assert.Equal(expected, WeChatSignature.Compute(token, timestamp, nonce));
        Assert.True(WeChatSignature.Verify(expected, token, timestamp, nonce));
        Assert.True(WeChatSignature.Verify(expected.ToUpperInvariant(), token, timestamp, nonce));
    }

    [Fact]
    public void AnyChangedPartFailsTheSignature()
    {
        var good = WeChatSignature.Compute("AAAAA", "1714036504", "1514711492", "ENCRYPTED");
        Assert.False(WeChatSignature.Verify(good, "AAAAB", "1714036504", "1514711492", "ENCRYPTED"));
        Assert.False(WeChatSignature.Verify(good, "AAAAA", "1714036505", "1514711492", "ENCRYPTED"));
        Assert.False(WeChatSignature.Verify(good, "AAAAA", "1714036504", "1514711492", "ENCRYPTEd"));
        Assert.False(WeChatSignature.Verify(null, "AAAAA", "1714036504", "1514711492"));
        Assert.False(WeChatSignature.Verify(good[..^1], "AAAAA", "1714036504", "1514711492", "ENCRYPTED"));
    }

    [Theory]
    [InlineData("abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG", true)]
    [InlineData("abcdefghijklmnopqrstuvwxyz0123456789ABCDEF", false)]
    [InlineData("abcdefghijklmnopqrstuvwxyz0123456789ABCDEF+", false)]
    [InlineData("", false)]
    public void KeysMustBe43LettersOrDigits(string key, bool valid) => Assert.Equal(valid, WeChatMessageCrypt.IsValidKey(key));

    private static string RandomText(Random random, int length)
    {
        var sb = new StringBuilder();
        string[] pieces = ["身份证", "abc", "123", "😀", "<xml>", "\n", " ", "&amp;", "居住证怎么办理", "é"];
        while (sb.Length < length) sb.Append(pieces[random.Next(pieces.Length)]);
        return sb.ToString();
    }
}
