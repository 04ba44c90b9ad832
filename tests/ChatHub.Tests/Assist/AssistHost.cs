using System.Text.RegularExpressions;
using GovAssistant.ChatHub.Tests.Conversations;

namespace GovAssistant.ChatHub.Tests.Assist;

/// <summary>
/// The real host with model assistance pointed at a <see cref="FakeModelServer"/>, an agent <c>li</c> (all
/// departments) and an editor-reviewer <c>wang</c>. The fake answers each prompt the way a reasonable model would
/// (<see cref="Reasonable"/>) unless a test scripts it otherwise.
/// </summary>
public sealed class AssistHost : IAsyncLifetime
{
    public const string ModelName = "fake-qwen";

    public FakeModelServer Model { get; private set; } = null!;

    public ConversationHost Host { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Model = await FakeModelServer.StartAsync();
        Model.Responder = Reasonable;
        Host = new ConversationHost(settings: Settings(Model.Endpoint)).Start();
        await Host.CreateAgentAsync("li", "李娜", ["*"]);
        await Host.CreateAgentAsync("wang", "王编辑", ["*"], ["agent", "editor", "reviewer", "supervisor"]);
    }

    /// <summary>Host settings pointing at <paramref name="endpoint"/>, with a short timeout so a hanging model costs little.</summary>
    public static Dictionary<string, string> Settings(string endpoint, double timeoutSeconds = 2) => new()
    {
        ["Llm:Endpoint"] = endpoint,
        ["Llm:ChatModel"] = ModelName,
        ["Llm:TimeoutSeconds"] = timeoutSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Llm:RetryDelay"] = "00:00:00.010",
    };

    /// <summary>What a well-behaved model answers to each of the prompts.</summary>
    public static FakeReply Reasonable(FakeRequest r)
    {
        if (r.System.Contains("交接摘要")) return new FakeReply.Text("市民要补办丢失的身份证。\n助手已提供补办流程。\n尚未确认办理地点。");
        if (r.System.Contains("写作助手"))
        {
            var first = Regex.Match(r.User, @"\[([A-Z]+-\d+)\]").Groups[1].Value;
            return new FakeReply.Text($"您好，补办身份证请携带户口簿到户籍所在地派出所办理 [{first}]。");
        }
        if (r.System.Contains("提炼出市民真正要问的政务问题"))
            return new FakeReply.Text("""{"question":"身份证丢了怎么补办","need":"补办身份证","object":"身份证","region":"","questions":["身份证丢了怎么补办"]}""");
        if (r.System.Contains("相似问法"))
            return new FakeReply.Text("```json\n" +
                """{"questions":["孩子的身份证丢了去哪补","老人身份证找不到了咋整","身份证唔见咗点算","身份證遺失怎麼補辦","出门旅游身份证丢了怎么办","钱包连身份证一起丢了要怎么补","补办身份证要多久能拿到","身份证被偷了如何补领"]}""" +
                "\n```");
        if (r.System.Contains("新的问答条目草稿"))
            return new FakeReply.Text("""{"question":"无人机飞行需要办理什么手续？","similarQuestions":["无人机要登记吗","航拍要报备吗"],"answer":"（待编辑补充：所需材料、办理地点、时限、依据）","category":"交通"}""");
        return new FakeReply.Text("好的。");
    }

    public async Task DisposeAsync()
    {
        await Host.DisposeAsync();
        await Model.DisposeAsync();
    }
}
