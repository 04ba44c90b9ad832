using System.Text;
using GovAssistant.ChatHub.Channels.WeChat;
using GovAssistant.ChatHub.Conversations;

namespace GovAssistant.ChatHub.Tests.WeChat;

/// <summary>What a WeChat user reads: plain text within the 2048-byte limit, nothing of the answer lost.</summary>
public sealed class WeChatTextTests
{
    [Fact]
    public void MarkdownBecomesPlainText()
    {
        var plain = WeChatText.FromMarkdown("## 办理流程\n**所需材料**：身份证、户口簿。\n- 第一步：预约\n* 第二步：到窗口\n详见[政务服务网](https://www.gov.cn/)，`免费`。<b>x</b>");
        Assert.Equal("办理流程\n所需材料：身份证、户口簿。\n· 第一步：预约\n· 第二步：到窗口\n详见政务服务网（https://www.gov.cn/），免费。x", plain);
    }

    [Fact]
    public void ALongAnswerIsSplitIntoMessagesWithinTheLimitWithNothingLost()
    {
        var random = new Random(7);
        var lines = Enumerable.Range(0, 120).Select(i => new string('政', random.Next(1, 900)) + "😀" + i).ToList();
        var text = string.Join("\n", lines);

        var parts = WeChatText.Split(text, 2048);

        Assert.True(parts.Count > 1);
        Assert.All(parts, p => Assert.InRange(Encoding.UTF8.GetByteCount(p), 1, 2048));
        Assert.Equal(text.Replace("\n", ""), string.Concat(parts).Replace("\n", ""));
        Assert.DoesNotContain(parts, p => char.IsHighSurrogate(p[^1]) || char.IsLowSurrogate(p[0]));
    }

    [Fact]
    public void ClarifyChoicesAreListedAndAClosedConversationAsksForARating()
    {
        var clarify = new ChatMessage("c", 2, SenderKind.Bot, null, "智能助手", "您是不是想问以下问题？请点击选择：", DateTimeOffset.UtcNow, "wechat",
            """{"type":"bot","choices":[{"id":"A","question":"居住证怎么办理？"},{"id":"B","question":"居住证怎么签注？"}]}""");
        var text = Assert.Single(WeChatText.Render(clarify, 2048));
        Assert.Contains("· 居住证怎么办理？", text);
        Assert.Contains("· 居住证怎么签注？", text);

        var closed = new ChatMessage("c", 9, SenderKind.System, null, "系统", "本次人工服务已结束。请对本次服务进行评价。", DateTimeOffset.UtcNow, "wechat", """{"type":"closed"}""");
        Assert.Contains("回复数字 1–5", Assert.Single(WeChatText.Render(closed, 2048)));
    }
}
