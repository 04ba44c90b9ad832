using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;

namespace GovAssistant.ChatHub.Tests.Conversations;

/// <summary>
/// A handoff is routed by the problem the visitor still has, not by an earlier answered topic (issue 10, defect 2),
/// and an agent may correct the topic (checked, noted for colleagues, audited).
/// </summary>
public sealed class HandoffTopicTests
{
    private const string Traffic = "公安交通管理部门";
    private const string Household = "公安局户政管理部门";

    [Fact]
    public async Task UnansweredQuestionsAfterAnAnsweredTrafficQuestionAreNotRoutedToTraffic()
    {
        await using var chat = await StaffedChat.StartAsync();

        await chat.Visitor.AskAnsweredAsync(chat.Id, "驾驶证到期了怎么换证");
        await chat.Visitor.SendAsync(chat.Id, "我家的狗要办狗证去哪里办");
        await chat.Visitor.SendAsync(chat.Id, "养狗办证需要带什么");
        var queued = await chat.Visitor.RequestHumanAsync(chat.Id);

        // The engine only guessed (choices scattered over 居住证, 法律援助, 身份证 …): no topic, rather than the old one.
        Assert.Equal(["clarify", "clarify"], chat.Visitor.Messages.Where(m => m.Sender == "bot" && m.Seq > 3).Select(m => m.Decision));
        var summary = await chat.QueuedAsync();
        Assert.Null(summary.Category);
        Assert.Null(summary.Department);
        Assert.Equal(System.Text.Json.JsonValueKind.Null, queued.Data!.Value.GetProperty("department").ValueKind);
    }

    [Fact]
    public async Task AClarificationWhoseChoicesShareATopicRoutesTheHandoffThere()
    {
        await using var chat = await StaffedChat.StartAsync();

        await chat.Visitor.AskAnsweredAsync(chat.Id, "驾驶证到期了怎么换证");
        await chat.Visitor.SendAsync(chat.Id, "公积金");
        var clarify = await chat.Visitor.WaitForAsync(m => m.Seq > 3 && m.Sender == "bot");
        Assert.Equal("clarify", clarify.Decision);
        await chat.Visitor.RequestHumanAsync(chat.Id);

        var summary = await chat.QueuedAsync();
        Assert.Equal("公积金", summary.Category);
        Assert.Equal("住房公积金管理中心", summary.Department);
    }

    [Fact]
    public async Task AskingForAPersonRightAfterAnAnswerIsRoutedByThatAnswer()
    {
        await using var chat = await StaffedChat.StartAsync();

        await chat.Visitor.AskAnsweredAsync(chat.Id, "驾驶证到期了怎么换证");
        await chat.Visitor.RequestHumanAsync(chat.Id);

        var summary = await chat.QueuedAsync();
        Assert.Equal("交通车驾管", summary.Category);
        Assert.Equal(Traffic, summary.Department);
    }

    [Fact]
    public async Task TheAgentInTheConversationReCategorisesItAndTheChangeIsNotedAndAudited()
    {
        await using var chat = await StaffedChat.StartAsync();
        var (host, zhang, visitor, id) = (chat.Host, chat.Agent, chat.Visitor, chat.Id);
        await host.CreateAgentAsync("wang", "王芳", [Household]);
        await using var wang = await host.ConnectAgentAsync("wang");
        await chat.Visitor.AskAnsweredAsync(chat.Id, "驾驶证到期了怎么换证");
        await chat.Visitor.RequestHumanAsync(chat.Id);
        await zhang.Connection.InvokeAsync<Summary>("Accept", id);

        // Someone not in the conversation may not; nor may an empty topic be set.
        var notHis = await Assert.ThrowsAsync<HubException>(() => wang.Connection.InvokeAsync<Summary>("Recategorise", id, "养犬登记", "公安局治安管理部门"));
        Assert.Contains("无权", notHis.Message);
        var empty = await Assert.ThrowsAsync<HubException>(() => zhang.Connection.InvokeAsync<Summary>("Recategorise", id, " ", null));
        Assert.Contains("请填写分类或部门", empty.Message);

        var changed = await zhang.Connection.InvokeAsync<Summary>("Recategorise", id, "养犬登记", "公安局治安管理部门");

        Assert.Equal("养犬登记", changed.Category);
        Assert.Equal("公安局治安管理部门", changed.Department);
        var note = await zhang.WaitForAsync(m => m.Type == "recategorised");
        Assert.Equal("note", note.Sender);
        Assert.Contains("交通车驾管", note.Text);
        Assert.Contains("养犬登记", note.Text);
        var transcript = await visitor.ResumeAsync(id, 0);
        Assert.DoesNotContain(transcript.Messages, m => m.Type == "recategorised");
        Assert.Equal("养犬登记", transcript.Conversation.Category);

        using var admin = await host.SignInAsync("admin");
        var audit = (await admin.Http.GetFromJsonAsync<JsonObject>("/api/admin/audit?target=" + id))!["items"]!.AsArray();
        var entry = Assert.Single(audit, a => a!["action"]!.GetValue<string>() == "conversation.recategorise")!;
        Assert.Equal("zhang", entry["actor"]!.GetValue<string>());
        Assert.Contains("公安局治安管理部门", entry["detail"]!.GetValue<string>());
    }
}
