using System.Text.RegularExpressions;
using GovAssistant.ChatHub.Conversations;
using GovAssistant.QaEngine;
using Microsoft.Extensions.Options;

namespace GovAssistant.ChatHub.Channels.WeChat;

/// <summary>
/// What a push means for the conversation of its WeChat user: entering the chat greets them with hot questions;
/// a bare 1–5 after a closed conversation rates it; "留言 …" leaves a ticket; any other text goes to <see cref="ConversationService"/> like
/// a web visitor's message (bot first, escalation, agent takeover). Replies reach the user through
/// <see cref="WeChatForwarder"/>, never from here, so each stored message is sent exactly once.
/// </summary>
public sealed partial class WeChatDialog(
    ConversationService conversations, WeChatUsers users, AnswerEngine engine, IOptions<WeChatOptions> options, ILogger<WeChatDialog> logger)
{
    /// <summary>The channel name of WeChat conversations.</summary>
    public const string Channel = "wechat";

    /// <summary>Handles one verified push.</summary>
    public async Task HandleAsync(WeChatInbound inbound, CancellationToken ct = default)
    {
        var push = inbound.Push;
        var visitorId = await users.RememberAsync(inbound.App.AppId, push.FromUserName!, ct);
        switch (push.MsgType)
        {
            case "event" when push.Event is "user_enter_tempsession" or "subscribe":
                await GreetAsync(visitorId, ct);
                break;
            case "event":
                logger.LogDebug("WeChat event {Event} ignored", push.Event);
                break;
            case "text":
                await TextAsync(visitorId, push.Content?.Trim() ?? "", ct);
                break;
            default:
                var c = await conversations.OpenForChannelUserAsync(visitorId, Channel, ct);
                await conversations.ChannelNoticeAsync(c.Id, visitorId, "目前只能识别文字消息，请用文字描述您的问题。", ct: ct);
                break;
        }
    }

    private async Task TextAsync(string visitorId, string text, CancellationToken ct)
    {
        if (text is [>= '1' and <= '5'] && await conversations.TryRateLastAsync(visitorId, Channel, text[0] - '0', options.Value.RatingWindow, ct))
            return;
        var c = await conversations.OpenForChannelUserAsync(visitorId, Channel, ct);
        try
        {
            // "留言 …" leaves a ticket (agents answer later, through the customer-service API); the openid is the contact.
            // Also while queued: a visitor waiting long is offered it (docs/protocol.md).
            if (c.State is ConversationState.Bot or ConversationState.Queued && LeaveMessagePrefix().Match(text) is { Success: true } leave)
            {
                var note = leave.Groups[1].Value.Trim();
                if (note.Length == 0)
                    await conversations.ChannelNoticeAsync(c.Id, visitorId, "请在“留言”后写下您要咨询的问题，例如：留言 我的社保转移一直没有办好。", ct: ct);
                else
                    await conversations.LeaveMessageAsync(c.Id, visitorId, note, "微信用户（通过微信回复）", ct);
                return;
            }
            await conversations.VisitorSaysAsync(c.Id, visitorId, text, ct);
        }
        catch (ArgumentException e)
        {
            // Empty or too long: tell the user why nothing else happens.
            await conversations.ChannelNoticeAsync(c.Id, visitorId, e.Message, ct: ct);
        }
    }

    private async Task GreetAsync(string visitorId, CancellationToken ct)
    {
        var c = await conversations.OpenForChannelUserAsync(visitorId, Channel, ct);
        if (c.State != ConversationState.Bot) return; // already with a person or in the queue: no bot welcome mid-chat
        var hot = options.Value.HotQuestions
            .Select(q => engine.Suggest(q, 1).FirstOrDefault())
            .OfType<QaEngine.Answering.AnswerCandidate>()
            .DistinctBy(x => x.Id)
            .Take(5)
            .ToList();
        var text = "您好！我是政务服务智能助手，请直接发送您要办理或咨询的事项；需要人工服务请回复“人工”。";
        if (hot.Count > 0) text += "\n大家都在问：\n" + string.Join("\n", hot.Select(h => "· " + h.Question));
        await conversations.GreetAsync(c.Id, visitorId, text, new { type = "greeting", hot = hot.Select(h => new { h.Id, h.Question }) }, ct);
    }

    [GeneratedRegex(@"^留言[\s:：,，]*(.*)$", RegexOptions.Singleline)]
    private static partial Regex LeaveMessagePrefix();
}
