using GovAssistant.QaEngine.Answering;

namespace GovAssistant.QaEngine.Tests;

/// <summary>What the engine decides on the real seed bank with the shipped thresholds.</summary>
[Collection(SeedEngineCollection.Name)]
public class DecisionTests(SeedEngineFixture seed)
{
    [Theory]
    [InlineData("身份证丢了怎么补办", "SF-001")]
    [InlineData("户口本丢了怎么补办", "HJ-004")]
    [InlineData("新生儿怎么落户口", "HJ-001")]
    [InlineData("护照丢了怎么补发", "CR-003")]
    [InlineData("驾驶证到期了怎么换证", "JT-001")]
    [InlineData("社保卡丢了怎么挂失", "SB-006")]
    [InlineData("租房可以提取公积金吗", "GJ-002")]
    [InlineData("二手车怎么过户", "JT-011")]
    [InlineData("结婚登记需要带哪些材料", "HY-001")]
    [InlineData("营业执照丢了怎么补办", "QY-011")]
    [InlineData("怎么申请劳动仲裁", "JY-008")]
    [InlineData("个人所得税年度汇算怎么办理", "SW-001")]
    [InlineData("残疾人证丢了怎么补办", "CJ-003")]
    [InlineData("老年人优待证怎么办理", "YL-004")]
    // One electronic card is not another (电子居住证怎么领 was the answer, 0.99).
    [InlineData("电子社保卡怎么领", "SB-009")]
    public void AClearQuestionIsAnsweredWithItsEntry(string question, string id)
    {
        var result = seed.Engine.Ask(question);

        Assert.Equal(AnswerDecision.Answered, result.Decision);
        Assert.Equal(id, result.Entry!.Id);
        Assert.Equal(id, result.Candidates[0].Id);
        Assert.Empty(result.Choices);
        Assert.False(result.UsedContext);
    }

    [Fact]
    public void EveryStandardQuestionIsAnsweredByItsOwnEntry()
    {
        var wrong = SeedBank.Entries
            .Select(e => (Entry: e, Result: seed.Engine.Ask(e.Question)))
            .Where(x => x.Result.Decision != AnswerDecision.Answered || x.Result.Entry!.Id != x.Entry.Id)
            .Select(x => $"{x.Entry.Id}「{x.Entry.Question}」→ {x.Result.Decision} {x.Result.Entry?.Id}")
            .ToList();

        Assert.Empty(wrong);
    }

    [Theory]
    [InlineData("护照", "出入境")]
    [InlineData("社保卡", "社保")]
    [InlineData("公积金", "公积金")]
    [InlineData("营业执照", "企业开办")]
    [InlineData("残疾人证", "残疾人服务")]
    public void ABareTopicIsClarifiedWithChoicesOfThatTopic(string topic, string category)
    {
        var result = seed.Engine.Ask(topic);

        Assert.Equal(AnswerDecision.Clarify, result.Decision);
        Assert.Null(result.Entry);
        Assert.InRange(result.Choices.Count, 2, 5);
        Assert.Equal(result.Choices.Count, result.Choices.Select(c => c.Id).Distinct().Count());
        Assert.All(result.Choices, c => Assert.Equal(category, c.Category));
        Assert.All(result.Choices, c => Assert.Contains(c, result.Candidates));
        Assert.False(string.IsNullOrWhiteSpace(result.Reply));
    }

    // Four characters naming a need with the service, as the entry's own question asks it, are a question, not a topic.
    [Theory]
    [InlineData("户口迁出", "HJ-003")]
    [InlineData("死亡销户", "HJ-010")]
    public void AServiceWithTheNeedItsEntryAsksIsAnsweredHoweverShort(string question, string id)
    {
        var result = seed.Engine.Ask(question);

        Assert.Equal(AnswerDecision.Answered, result.Decision);
        Assert.Equal(id, result.Entry?.Id);
    }

    // 卡, 证件, 证 say what kind of thing, not which (社保卡? 医保卡? 结婚证?); 要交多少钱 names none at all.
    [Theory]
    [InlineData("卡丢了怎么办", "SB-006")]
    [InlineData("证件丢了怎么办", "HY-006")]
    [InlineData("证丢了怎么办", "JT-013")]
    [InlineData("要交多少钱", "SF-017")]
    public void AKindOfThingIsNotAnsweredWithOneParticularThing(string question, string particular)
    {
        var result = seed.Engine.Ask(question);

        Assert.False(result.Decision == AnswerDecision.Answered && result.Entry?.Id == particular, $"{result.Decision} {result.Entry?.Id}");
        Assert.NotEqual(AnswerDecision.Answered, result.Decision);
    }

    [Theory]
    [InlineData("社保卡丢了怎么办", "SB-006")]
    [InlineData("身份证丢了怎么办", "SF-001")]
    [InlineData("退休手续怎么办", "SB-004")]
    public void TheThingNamedIsStillAnswered(string question, string id)
    {
        var result = seed.Engine.Ask(question);

        Assert.Equal(AnswerDecision.Answered, result.Decision);
        Assert.Equal(id, result.Entry?.Id);
    }

    // 考试用 is what the card is for, not a need of it (考驾照): the first application for a teenager is the answer.
    [Fact]
    public void WhatTheDocumentIsForDoesNotMakeItANearMiss()
    {
        var result = seed.Engine.Ask("儿子14岁了要办身份证考试用，家长要去吗");

        Assert.Equal(AnswerDecision.Answered, result.Decision);
        Assert.Equal("SF-003", result.Entry?.Id);
    }

    // "残疾评定" names the assessment; the best entry asks about contesting its result (重新评定): the citizen is asked.
    [Fact]
    public void AShortNeedThatTheBestEntryAsksOnlyAlongsideAnotherIsClarified()
    {
        var result = seed.Engine.Ask("残疾评定");

        Assert.Equal(AnswerDecision.Clarify, result.Decision);
        Assert.Contains(result.Choices, c => c.Id == "CJ-001");
    }

    [Theory]
    [InlineData("无业 有租房 符合居住证条件吗", "JZ-002")]
    [InlineData("首套 公积金可贷金额 怎么核定", "GJ-006")]
    public void AnUnsureMatchOffersTheThirdNearestEntryToo(string question, string meant)
    {
        // The entry meant scores just outside the window of the first: a choice between two would leave it out.
        var result = seed.Engine.Ask(question);

        Assert.Equal(AnswerDecision.Clarify, result.Decision);
        Assert.Equal(3, result.Choices.Count);
        Assert.Equal(meant, result.Choices[2].Id);
    }

    [Theory]
    [InlineData("今天天气怎么样")]
    [InlineData("怎么做红烧肉")]
    [InlineData("世界杯谁赢了")]
    [InlineData("怎么炒股")]
    [InlineData("如何学好英语")]
    [InlineData("比特币怎么挖")]
    [InlineData("今天星期几")]
    [InlineData("明天会下雨吗")]
    public void AnOffTopicQuestionGetsNoAnswer(string question)
    {
        var result = seed.Engine.Ask(question);

        Assert.Equal(AnswerDecision.NoAnswer, result.Decision);
        Assert.Null(result.Entry);
        Assert.Empty(result.Choices);
        Assert.False(string.IsNullOrWhiteSpace(result.Reply));
    }

    [Theory]
    [InlineData("股票怎么买")]
    [InlineData("推荐一部好看的电影")]
    [InlineData("附近有什么好吃的")]
    public void AnOffTopicQuestionSharingOnlyCommonWordsGetsNoAnswer(string question) =>
        Assert.Equal(AnswerDecision.NoAnswer, seed.Engine.Ask(question).Decision);

    [Theory]
    [InlineData("身份证号110105199003072311的身份证丢了怎么补办", "身份证号的身份证丢了怎么补办")]
    [InlineData("我的手机13812345678，身份证丢了怎么补办", "我的手机，身份证丢了怎么补办")]
    [InlineData("身份证丢了怎么补办 电话010-62345678", "身份证丢了怎么补办 电话")]
    [InlineData("驾驶证到期换证，车牌京A12345，邮箱zhang.san@example.com", "驾驶证到期换证，车牌，邮箱")]
    public void PersonalIdentifiersInAQuestionDoNotChangeItsAnswer(string question, string withoutIdentifiers)
    {
        var expected = seed.Engine.Ask(withoutIdentifiers);

        var actual = seed.Engine.Ask(question);

        Assert.Equal(expected.Decision, actual.Decision);
        Assert.Equal(expected.Entry?.Id, actual.Entry?.Id);
        Assert.Equal(expected.Candidates.Take(3).Select(c => c.Id), actual.Candidates.Take(3).Select(c => c.Id));
    }

    [Fact]
    public void AnIdentityNumberDoesNotPullAnAnswerAway()
    {
        var result = seed.Engine.Ask("身份证号110105199003072311的身份证丢了怎么补办");

        Assert.Equal(AnswerDecision.Answered, result.Decision);
        Assert.Equal(seed.Engine.Ask("身份证丢了怎么补办").Entry!.Id, result.Entry!.Id);
    }

    [Fact]
    public void AQuestionThatIsOnlyAPhoneNumberAsksWhatTheCitizenWants()
    {
        var result = seed.Engine.Ask("13812345678");

        Assert.Equal(AnswerDecision.NoAnswer, result.Decision);
        Assert.Empty(result.Candidates);
    }

    [Theory]
    [InlineData("身份证丢了怎么补办")]
    [InlineData("护照")]
    [InlineData("今天天气怎么样")]
    [InlineData("人工")]
    [InlineData("你好")]
    [InlineData("需要带什么材料")]
    [InlineData("身份证 户口本 护照 社保卡 公积金 驾驶证 营业执照 居住证")]
    public void ConfidenceIsAProbability(string question) =>
        Assert.InRange(seed.Engine.Ask(question).Confidence, 0, 1);

    [Fact]
    public void CandidatesAreBestFirstAndAtMostTheConfiguredNumber()
    {
        var result = seed.Engine.Ask("身份证丢了怎么补办");

        Assert.InRange(result.Candidates.Count, 2, seed.Engine.Options.MaxCandidates);
        Assert.Equal(result.Candidates.OrderByDescending(c => c.Score).Select(c => c.Id), result.Candidates.Select(c => c.Id));
    }

    [Fact]
    public void SuggestGivesTheBestEntriesWithoutDeciding()
    {
        var suggestions = seed.Engine.Suggest("身份证丢了怎么补办", 3);

        Assert.Equal(3, suggestions.Count);
        Assert.Equal("SF-001", suggestions[0].Id);
    }
}
