using GovAssistant.QaEngine.Answering;
using GovAssistant.QaEngine.Text;

namespace GovAssistant.QaEngine.Tests;

/// <summary>Citizens from Hong Kong, Macao and Taiwan write Traditional characters; the bank is mostly Simplified.</summary>
[Collection(SeedEngineCollection.Name)]
public class TraditionalChineseTests(SeedEngineFixture seed)
{
    // Seed questions with their Traditional form, written by hand.
    public static TheoryData<string, string, string> SeedQuestions => new()
    {
        { "SF-001", "身份证丢了怎么补办？", "身份證丟了怎麼補辦？" },
        { "HJ-004", "户口本丢了怎么补办？", "戶口本丟了怎麼補辦？" },
        { "JZ-001", "居住证怎么申领？", "居住證怎麼申領？" },
        { "CR-002", "护照过期了怎么换发？", "護照過期了怎麼換發？" },
        { "CR-003", "护照丢了怎么补发？", "護照丟了怎麼補發？" },
        { "JT-002", "驾驶证丢了怎么补办？", "駕駛證丟了怎麼補辦？" },
        { "SB-006", "社保卡丢了怎么挂失？", "社保卡丟了怎麼掛失？" },
        { "GJ-001", "买房了怎么提取住房公积金？", "買房了怎麼提取住房公積金？" },
        { "HY-005", "结婚证丢了怎么补领？", "結婚證丟了怎麼補領？" },
        { "QY-011", "营业执照丢了怎么补办？", "營業執照丟了怎麼補辦？" },
        { "JT-011", "二手车怎么过户？", "二手車怎麼過戶？" },
        { "SW-001", "个人所得税年度汇算怎么办理？", "個人所得稅年度匯算怎麼辦理？" },
        { "CJ-003", "残疾人证丢了怎么补办？", "殘疾人證丟了怎麼補辦？" },
        { "SY-001", "生育登记怎么办理？", "生育登記怎麼辦理？" },
        { "JY-008", "怎么申请劳动仲裁？", "怎麼申請勞動仲裁？" },
        { "HJ-001", "新生儿怎么落户口？", "新生兒怎麼落戶口？" },
    };

    [Theory]
    [MemberData(nameof(SeedQuestions))]
    public void TheTraditionalFormNormalizesToTheSimplifiedForm(string id, string simplified, string traditional)
    {
        _ = id;
        Assert.Equal(TextNormalizer.Default.Normalize(simplified), TextNormalizer.Default.Normalize(traditional));
    }

    [Theory]
    [MemberData(nameof(SeedQuestions))]
    public void TheTraditionalFormFindsTheSameEntry(string id, string simplified, string traditional)
    {
        var fromSimplified = seed.Engine.Ask(simplified);
        var fromTraditional = seed.Engine.Ask(traditional);

        Assert.Equal(AnswerDecision.Answered, fromTraditional.Decision);
        Assert.Equal(id, fromTraditional.Entry!.Id);
        Assert.Equal(fromSimplified.Entry?.Id, fromTraditional.Entry.Id);
        Assert.Equal(fromSimplified.Confidence, fromTraditional.Confidence, 6);
    }

    [Theory]
    [InlineData("回乡证在内地丢了怎么办", "GA-003")]
    [InlineData("回乡证快到期了能在内地换新的吗", "GA-004")]
    [InlineData("台胞证在大陆丢了怎么补办", "GA-005")]
    [InlineData("台胞证到期了在大陆可以换吗", "GA-006")]
    [InlineData("港澳台居民在内地可以交社保吗", "GA-008")]
    [InlineData("港澳台居民在内地能缴住房公积金吗", "GA-010")]
    [InlineData("港澳台居民的孩子在内地怎么上学", "GA-011")]
    [InlineData("香港驾照可以换内地驾照吗", "GA-012")]
    [InlineData("港澳台居民居住证丢了怎么补领", "GA-014")]
    [InlineData("港澳居民第一次申请回乡证去哪里办", "GA-019")]
    [InlineData("香港人在内地怎么办居住证", "GA-001")]
    public void EntriesWrittenInTraditionalAreFoundBySimplifiedQuestions(string question, string id)
    {
        var result = seed.Engine.Ask(question);

        Assert.Equal(AnswerDecision.Answered, result.Decision);
        Assert.Equal(id, result.Entry!.Id);
    }

    [Fact]
    public void TheAnswerIsReturnedAsWrittenNotNormalized() =>
        Assert.Contains("證", seed.Engine.Ask("回乡证在内地丢了怎么办").Entry!.Question);

    [Theory]
    [InlineData("我的戶口名簿不見了，要去哪裡補辦？", "HJ-004")]  // 戶口名簿: 户口本
    [InlineData("房屋權狀的名字寫錯了怎麼更正？", "BD-013")]       // 權狀: 房产证
    [InlineData("身障手冊遺失怎麼補發", "CJ-003")]                // 身障手冊: 残疾人证
    [InlineData("戶政事務所可以辦戶口遷出嗎", "HJ-003")]          // 戶政事務所: 派出所
    public void TaiwanWordsForAServiceFindItsEntry(string question, string id)
    {
        var result = seed.Engine.Ask(question);

        Assert.Equal(AnswerDecision.Answered, result.Decision);
        Assert.Equal(id, result.Entry!.Id);
    }

    // Too short on what is asked to be answered outright, but the entry meant comes first.
    [Theory]
    [InlineData("我的機車行照不見了要去哪裡補", "JT-013")]   // 行照: 行驶证
    [InlineData("中古車過戶要帶哪些東西", "JT-011")]         // 中古車: 二手车
    public void TaiwanWordsForAServiceRankItsEntryFirst(string question, string id) =>
        Assert.Equal(id, seed.Engine.Ask(question).Candidates[0].Id);

    // 甚麼 (Hong Kong's 什么), 國中 and 租屋 (Taiwan's 初中 and 租房) are read as the words they stand for, so the question gets what its
    // mainland twin gets: the same decision, reason, choices and candidates.
    [Theory]
    [InlineData("辦居住證要準備甚麼", "办居住证要准备什么")]
    [InlineData("孩子讀國中想轉學要怎麼辦", "孩子读初中想转学要怎么办")]
    [InlineData("國中畢業可以讀職高嗎", "初中毕业可以读职高吗")]
    [InlineData("租屋的人能辦居住證嗎", "租房的人能办居住证吗")]
    public void HongKongAndTaiwanWordsAskWhatTheirMainlandTwinsAsk(string traditional, string simplified)
    {
        var t = seed.Engine.Ask(traditional);
        var s = seed.Engine.Ask(simplified);

        Assert.Equal(s.Decision, t.Decision);
        Assert.Equal(s.Reason, t.Reason);
        Assert.Equal(s.Choices.Select(c => c.Id), t.Choices.Select(c => c.Id));
        Assert.Equal(s.Candidates.Select(c => c.Id), t.Candidates.Select(c => c.Id));
    }
}
