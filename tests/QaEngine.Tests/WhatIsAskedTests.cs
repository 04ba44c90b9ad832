using GovAssistant.KnowledgeBase;
using GovAssistant.QaEngine.Answering;

namespace GovAssistant.QaEngine.Tests;

/// <summary>
/// A question that says what it needs and of what (补办 + 驾驶证) is answered by the one entry that names both, even
/// when the citizen's circumstances around it lower the word-overlap confidence; when the need is unclear but the
/// object is not, the citizen is offered that object's entries rather than nothing.
/// </summary>
[Collection(SeedEngineCollection.Name)]
public class WhatIsAskedTests(SeedEngineFixture seed)
{
    // Written for this test: a story first, the question last, as citizens write.
    [Theory]
    [InlineData("上个月搬家的时候东西太多太乱，收拾完才发现驾驶证不知道放哪了，翻了好几遍都没有，驾驶证丢了怎么补办？", "JT-002")]
    [InlineData("我们家开了十几年的小饭店，今年生意不好决定关门不干了，营业执照要怎么注销？", "QY-007")]
    [InlineData("去年单位给我交了职工医保，今年我换工作到了另外一个省，医保关系怎么转移过去？", "YB-011")]
    public void AQuestionWhoseNeedAndObjectOneEntryNamesIsAnsweredThoughItsStoryLowersTheConfidence(string question, string id)
    {
        var result = seed.Engine.Ask(question);

        Assert.Equal(AnswerDecision.Answered, result.Decision);
        Assert.Equal(id, result.Entry!.Id);
        // It is the need-and-object evidence that answers: by word overlap alone, at the bar of a short question, it would
        // only be a clarification.
        Assert.InRange(result.Confidence, new QaEngineOptions().AgreedAnswerThreshold, new QaEngineOptions().AnswerThreshold);
        using var strict = new AnswerEngine(new QaEngineOptions { AgreedAnswerThreshold = 0.85, LongMessageAnswerThreshold = 0.85 });
        strict.Publish(SeedBank.Snapshot(SeedBank.Entries));
        Assert.NotEqual(AnswerDecision.Answered, strict.Ask(question).Decision);
    }

    [Fact]
    public void ATitleNamingNeedAndObjectIsAnsweredLikeTheQuestion()
    {
        // "护照 办理进度 查询" asks as plainly as "护照的办理进度怎么查询？", only without a question word.
        var title = seed.Engine.Ask("护照 办理进度 查询");
        var question = seed.Engine.Ask("护照的办理进度怎么查询？");

        Assert.Equal(AnswerDecision.Answered, question.Decision);
        Assert.Equal("CR-012", question.Entry!.Id);
        Assert.Equal(AnswerDecision.Answered, title.Decision);
        Assert.Equal("CR-012", title.Entry!.Id);
    }

    [Fact]
    public void AComplaintAboutACaseStillNeedsTheFullConfidence()
    {
        // It names the service complained of (房产证), not what it asks of it.
        var complaint = seed.Engine.Ask("投诉南湖家园开发商拖欠不办房产证五年之久");

        Assert.Equal(AnswerDecision.Clarify, complaint.Decision);
        Assert.InRange(complaint.Confidence, new QaEngineOptions().AgreedAnswerThreshold, new QaEngineOptions().AnswerThreshold);
        Assert.Contains(complaint.Choices, c => c.Id == "BD-016");
    }

    [Fact]
    public void WhenAnotherEntryCloseBehindNamesTheSameNeedAndObjectTheCitizenIsAsked()
    {
        var twin = new FaqEntry
        {
            Id = "TW-001",
            Question = "在外地把驾驶证弄丢了，能在当地补领吗？",
            Answer = "**办理地点**：可在全国任一车管所或交管12123申请补领驾驶证。",
            Category = "交通车驾管",
        };
        using var engine = new AnswerEngine(new QaEngineOptions());
        engine.Publish(SeedBank.Snapshot([.. SeedBank.Entries, twin]));

        var result = engine.Ask("上个月搬家的时候东西太多太乱，收拾完才发现驾驶证不知道放哪了，翻了好几遍都没有，驾驶证丢了怎么补办？");

        // Confident enough for the lowered bar, but two entries name 补办 + 驾驶证: which one is meant is asked.
        Assert.True(result.Confidence >= new QaEngineOptions().AgreedAnswerThreshold, $"confidence {result.Confidence}");
        Assert.Equal(AnswerDecision.Clarify, result.Decision);
        Assert.Contains(result.Choices, c => c.Id == "JT-002");
        Assert.Contains(result.Choices, c => c.Id == "TW-001");
    }

    [Fact]
    public void AWeakQuestionNamingAnObjectIsOfferedTheEntriesAboutThatObject()
    {
        var result = seed.Engine.Ask("我家那口子的公积金我能动吗");

        Assert.Equal(AnswerDecision.Clarify, result.Decision);
        Assert.Equal("topic", result.Reason);
        Assert.True(result.Confidence < new QaEngineOptions().ClarifyThreshold, $"confidence {result.Confidence}");
        Assert.InRange(result.Choices.Count, 2, 3);
        Assert.All(result.Choices, c => Assert.Equal("公积金", SeedBank.Entry(c.Id).Category));
        Assert.Contains(result.Choices, c => c.Id == "GJ-020" || c.Id == "GJ-001" || c.Id == "GJ-010");

        using var off = new AnswerEngine(new QaEngineOptions { TopicClarifyThreshold = 0.25 });
        off.Publish(SeedBank.Snapshot(SeedBank.Entries));
        Assert.Equal(AnswerDecision.NoAnswer, off.Ask("我家那口子的公积金我能动吗").Decision);
    }

    [Fact]
    public void AWeakQuestionNamingNoServiceObjectGetsNoChoices()
    {
        var result = seed.Engine.Ask("隔壁老王天天晚上唱歌吵得睡不着怎么办");

        Assert.Equal(AnswerDecision.NoAnswer, result.Decision);
        Assert.Empty(result.Choices);
    }

    [Fact]
    public void AMessageNamingAServiceIsNotOffTopicWhoeverItMentions()
    {
        var marriage = seed.Engine.Ask("我和男朋友都是河南人，在苏州上班，十月想在苏州领证，可以吗");
        var chat = seed.Engine.Ask("我男朋友不理我怎么办");

        Assert.NotEqual("offTopic", marriage.Reason);
        Assert.Equal("offTopic", chat.Reason);
        Assert.Equal(AnswerDecision.NoAnswer, chat.Decision);
    }
}
