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
    // With the ordinary bars out of reach (1: no confidence is that sure), only the need-and-object evidence can answer.
    private static QaEngineOptions AgreementOnly(double agreed = 0.5) =>
        new() { AnswerThreshold = 1, LongMessageAnswerThreshold = 1, AgreedAnswerThreshold = agreed };

    private static readonly Lazy<AnswerEngine> Agreeing = new(() => EngineWith(AgreementOnly(), SeedBank.Entries));
    private static readonly Lazy<AnswerEngine> NotAgreeing = new(() => EngineWith(AgreementOnly(agreed: 1), SeedBank.Entries));

    private static AnswerEngine EngineWith(QaEngineOptions options, IEnumerable<FaqEntry> entries)
    {
        var engine = new AnswerEngine(options);
        engine.Publish(SeedBank.Snapshot(entries));
        return engine;
    }

    // Written for this test: a circumstance first, the question last, as citizens write.
    [Theory]
    [InlineData("饭店不开了，那个营业执照咋个注销", "QY-007")]
    [InlineData("跳槽去了外省，原来的医保怎么转移", "YB-011")]
    // A need whose object goes without saying (户口 is no object of the lexicon), named by one entry close to the top.
    [InlineData("老家的户口想迁出来，手续在哪办", "HJ-003")]
    [InlineData("慢病的认定怎么申请", "YB-005")]
    public void AQuestionWhoseNeedAndObjectOneEntryNamesIsAnsweredFromTheAgreedBar(string question, string id)
    {
        var result = Agreeing.Value.Ask(question);

        Assert.Equal(AnswerDecision.Answered, result.Decision);
        Assert.Equal(id, result.Entry!.Id);
        Assert.NotEqual(AnswerDecision.Answered, NotAgreeing.Value.Ask(question).Decision);
    }

    [Fact]
    public void AQuestionNamingTwoNeedsIsNotAnsweredByAnEntryThatSpeaksOfOnlyOne()
    {
        // Written for this test: 积分落户 (its 落户) and a 复核 of the score, which the 积分落户 entry says nothing of. With
        // every bar low, only the need check holds the answer back.
        using var engine = EngineWith(new QaEngineOptions { AnswerThreshold = 0.3, LongMessageAnswerThreshold = 0.3 },
            SeedBank.Entries.Where(e => e.Category == "居住证"));

        var result = engine.Ask("积分落户公示名单中的分值有异议，想要申请复核应该找哪个部门提出");

        Assert.NotEqual(AnswerDecision.Answered, result.Decision);
        Assert.Equal("need", result.Reason);
        Assert.Equal(AnswerDecision.Answered, engine.Ask("积分落户公示以后多久能拿到准迁证，要去哪个部门办理落户").Decision);
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
            Question = "饭店不开了，营业执照去哪里注销？",
            Answer = "**办理地点**：可在登记机关窗口或当地政务服务网申请注销营业执照。",
            Category = "企业开办",
        };
        using var engine = EngineWith(AgreementOnly(), [.. SeedBank.Entries, twin]);

        var result = engine.Ask("饭店不开了，那个营业执照咋个注销");

        // Confident enough for the agreed bar, but two entries name 注销 + 营业执照: which one is meant is asked.
        Assert.True(result.Confidence >= AgreementOnly().AgreedAnswerThreshold, $"confidence {result.Confidence}");
        Assert.Equal(AnswerDecision.Clarify, result.Decision);
        Assert.Contains(result.Choices, c => c.Id == "QY-007");
        Assert.Contains(result.Choices, c => c.Id == "TW-001");
    }

    [Fact]
    public void ATitleNamingOnlyAServiceSeveralEntriesAreAboutIsOfferedThem()
    {
        // Written for this test: keywords naming a need (贷款) and an object (公积金) and nothing else. The conditions
        // entry matches best and surely, but the loan for a house back home and the combined loan are about the same
        // 公积金贷款, and no word of the title tells them apart.
        var result = seed.Engine.Ask("住房公积金 贷款");

        Assert.True(result.Confidence >= new QaEngineOptions().AnswerThreshold, $"confidence {result.Confidence}");
        Assert.Equal(AnswerDecision.Clarify, result.Decision);
        Assert.Equal("topic", result.Reason);
        Assert.Equal("GJ-005", result.Choices[0].Id);
        Assert.Contains(result.Choices, c => c.Id == "GJ-012");
        // GA-010 (港澳台 residents' 公积金) speaks of loans too, but the title names no 港澳台 resident.
        Assert.DoesNotContain(result.Choices, c => c.Id == "GA-010");
        // Every entry offered is asked about a 公积金 loan in its questions.
        Assert.All(result.Choices, c => Assert.Contains(
            new[] { SeedBank.Entry(c.Id).Question }.Concat(SeedBank.Entry(c.Id).SimilarQuestions),
            q => (q.Contains("公积金") || q.Contains("公積金")) && (q.Contains("贷") || q.Contains("貸"))));
    }

    [Theory]
    [InlineData("咨询本市公积金组合贷款事宜", "GJ-018")]
    [InlineData("公积金贷款提前还款事宜", "GJ-011")]
    public void ATitleWithAWordOnlyOneEntryUsesIsAnswered(string title, string id)
    {
        // 组合贷款, 提前还款: the title says which 公积金贷款 entry it means.
        var result = seed.Engine.Ask(title);

        Assert.Equal(AnswerDecision.Answered, result.Decision);
        Assert.Equal(id, result.Entry!.Id);
    }

    [Fact]
    public void ChangingOneFieldOfARecordIsNotAnsweredByTheEntryAboutAnother()
    {
        // Written for this test: the 出生日期 entry (HJ-009) is the closest in words, but 民族 is another field of the
        // 户口本, which no entry says how to change.
        var result = seed.Engine.Ask("户口本上的民族登记错了能改吗");

        Assert.NotEqual(AnswerDecision.Answered, result.Decision);
        Assert.Equal("object", result.Reason);
        Assert.Equal(AnswerDecision.Answered, seed.Engine.Ask("户口本上的出生日期写错了能改吗").Decision);
    }

    // Written for this test. Another object: HJ-008 is a person changing their name, YL-011 opening a care home; neither
    // speaks of a company or of 医保 anywhere. Undoing a service: CJ-005 says how to apply for a wheelchair, nothing of
    // giving one back; GJ-010 how to sign up for 按月冲还贷, nothing of cancelling it; JY-008 is arbitration of a labour
    // dispute, not of a contract between businesses. The citizen is offered the entry
    // rather than answered with it.
    [Theory]
    [InlineData("公司想改名字怎么办", "object", "HJ-008")]
    [InlineData("民办养老院申请医保定点要什么条件", "object", "YL-011")]
    [InlineData("残联发的轮椅现在不用了，需要归还吗", "need", "CJ-005")]
    [InlineData("公积金按月冲还贷签了以后能取消吗", "need", "GJ-010")]
    [InlineData("合同纠纷怎么申请仲裁", "object", "JY-008")]
    // Written for this test: making a temporary ID card last longer (能不能续) is not how to get one (SF-005).
    [InlineData("临时身份证下周就到期了，新证还没办好，临时的能不能续？", "need", "SF-005")]
    // Closing a care home (关门, 不办了) is not opening one.
    [InlineData("我那家小养老院开不下去了，打算关门不办了，要去民政局办什么手续？", "need", "YL-011")]
    public void AnotherObjectOrTheUndoingOfAServiceIsOfferedNotAnswered(string question, string reason, string nearest)
    {
        var result = seed.Engine.Ask(question);

        Assert.NotEqual(AnswerDecision.Answered, result.Decision);
        Assert.Equal(reason, result.Reason);
        Assert.Contains(result.Choices, c => c.Id == nearest);
    }

    // Written for this test: a rent subsidy (租房补贴) is not public rental housing (公租房, JZ-014), which no entry's
    // answer offers in its place.
    [Fact]
    public void ARentSubsidyIsNotPublicRentalHousing() =>
        seed.AssertOfferedFor("尊敬的住房保障部门：您好！本人系外来务工人员，持居住证已满三年，在城郊租房。现就住房租赁补贴事宜咨询如下：外地户籍人员能否申请租房补贴？申请条件如何？特此咨询，敬请答复。",
            "object", "JZ-014");

    // Written for this test: things of their own beside the entry nearest in words, which the citizen is offered rather
    // than answered with: what a city pays the talent it brings in (安家补贴) is not how they settle their 户口 (HJ-007); a
    // branch (分公司) is registered otherwise than a company (QY-001); the interest a 公积金 account earns (结息) is not
    // the loan rate (GJ-019) nor any 公积金 entry's; a care worker's fee (护工费) is no hospital cost the insurance pays
    // (YB-006); becoming a general VAT taxpayer (一般纳税人) is neither a new company's tax registration (SW-016) nor the
    // small taxpayer's exemption (SW-011); being pregnant (怀孕期间) is not the breastfeeding time after the birth (SY-016);
    // a school's fees (学费) are not a house a family's 公积金 helps buy (GJ-020); a commercial insurance (商业保险, 惠民保)
    // is not the family members a 医保 account pays for (YB-010).
    [Theory]
    [InlineData("B市引进本科人才落户后的安家补贴如何申请", "HJ-007")]
    [InlineData("分公司营业执照怎么办", "QY-001")]
    [InlineData("分公司怎么注册", "QY-001")]
    [InlineData("公积金每年什么时候结息", "GJ-008")]
    [InlineData("我妈住院请了个护工，一天两百多，这个护工费医保能报销不？", "YB-006")]
    [InlineData("公司怎么登记成一般纳税人", "SW-016")]
    [InlineData("小规模纳税人 转 一般纳税人 流程", "SW-011")]
    [InlineData("怀孕期间单位能安排我上夜班吗", "SY-016")]
    [InlineData("孩子考上大学，学费能用父母的公积金提出来交吗？", "GJ-020")]
    [InlineData("我医保个人账户的钱，可不可以用来买商业保险？", "YB-010")]
    public void AThingOfItsOwnIsOfferedNotAnsweredWithItsNeighbour(string question, string nearest) =>
        seed.AssertOfferedFor(question, "object", nearest);

    // The neighbours themselves, asked for, are still answered.
    [Theory]
    [InlineData("人才引进落户怎么办理，要多久", "HJ-007")]
    [InlineData("注册一家有限公司要什么材料", "QY-001")]
    [InlineData("公积金贷款利率是多少", "GJ-019")]
    [InlineData("住院费用医保怎么报销", "YB-006")]
    [InlineData("哺乳期可以不上夜班吗", "SY-016")]
    public void TheNeighbourAskedForIsStillAnswered(string question, string id) => seed.AssertAnsweredWith(question, id);

    // Who asks (a self-employed owner, 个体户) beside the thing asked of (the car whose loan is paid off) is no other thing
    // asked: the entry about the car answers. A business asked of alone is still a thing of its own (公司 ≠ 成年人改名).
    [Fact]
    public void WhoAsksBesideTheThingAskedOfIsNoOtherThingAsked()
    {
        seed.AssertAnsweredWith("我是个体户 车贷结清 解除抵押", "JT-019");
        seed.AssertOfferedFor("公司想改名字怎么办", "object", "HJ-008");
    }

    // Written for this test: what was heard of care homes (养老机构) is the story; the clause that asks is about a nursery
    // (托育机构), which YL-018's subsidy is not for. A paper to bring (要带台湾身分证吗) is no such other thing.
    [Fact]
    public void TheThingTheAskingClauseNamesDecidesOverOneTheStoryHeardOf()
    {
        seed.AssertOfferedFor("您好，我们在A市办了一家托育机构，听说民办养老机构可以领运营补贴，托育机构能不能也申请运营补贴？", "object", "YL-018");
        seed.AssertAnsweredWith("我是在苏州上班的台湾人，台胞证快到期了，换证要带台湾身分证吗？", "GA-006");
    }

    [Fact]
    public void HowManyYearsToPayIsNotAnsweredByTheEntryAboutASubsidyForPaying()
    {
        // Written for this test: JY-010 (a subsidy for flexible workers' contributions) shares the most words; how many
        // years of 医保 are needed before retiring is YB-020's question.
        var result = seed.Engine.Ask("灵活就业人员的医保要交满多少年");

        Assert.NotEqual(AnswerDecision.Answered, result.Decision);
        Assert.Contains(result.Choices, c => c.Id == "YB-020");
    }

    [Theory]
    [InlineData("我妈今年五十五了养老保险才交了八年不够十五年到时候还能领退休金吗", "SB-005")]
    [InlineData("职工医保要交多少年", "YB-020")]
    public void AQuestionAboutTheYearsOfContributionsIsAnsweredByTheEntryAboutThem(string question, string id)
    {
        var result = seed.Engine.Ask(question);

        Assert.Equal(AnswerDecision.Answered, result.Decision);
        Assert.Equal(id, result.Entry!.Id);
    }

    [Theory]
    [InlineData("护照补办要准备什么材料", "CR-003")]
    [InlineData("补办护照要准备啥", "CR-003")]
    public void TheWordsOfAnAspectDoNotOutweighTheNeedNamed(string question, string id)
    {
        // 需要什么材料 is word for word in 第一次办护照需要什么材料, but 补办 asks for the entry about a lost passport.
        var result = seed.Engine.Ask(question);

        Assert.Equal(AnswerDecision.Answered, result.Decision);
        Assert.Equal(id, result.Entry!.Id);
        Assert.Equal(id, result.Candidates[0].Id);
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
    public void AQuestionNamingAServiceThatNothingIsSureOfIsOfferedTheNearestEntriesAsGuesses()
    {
        // Written for this test: 旧车 is no word of the lexicon's cars, so nothing is sure; 过户 is a need of a service.
        var result = seed.Engine.Ask("旧车卖给亲戚，过户的时候两个人都要到场吗");

        Assert.Equal(AnswerDecision.Clarify, result.Decision);
        Assert.Equal("unsure", result.Reason);
        Assert.InRange(result.Choices.Count, 2, 3);
        Assert.Contains(result.Choices, c => c.Id == "JT-011");
        Assert.Contains("转人工", result.Reply);
    }

    [Theory]
    [InlineData("我家猫不吃饭怎么办")]
    [InlineData("帮我写一首诗好吗")]
    [InlineData("咨询旧车过户的问题")]
    public void AnEverydayQuestionOrATitleIsOfferedNoGuesses(string message)
    {
        var result = seed.Engine.Ask(message);

        Assert.Equal(AnswerDecision.NoAnswer, result.Decision);
        Assert.Empty(result.Choices);
    }

    [Fact]
    public void AWeakQuestionNamingNoServiceObjectGetsNoChoices()
    {
        var result = seed.Engine.Ask("隔壁老王天天晚上唱歌吵得睡不着怎么办");

        Assert.Equal(AnswerDecision.NoAnswer, result.Decision);
        Assert.Empty(result.Choices);
    }

    [Fact]
    public void ThePermitOfATripToTaiwanNamedEarlierIsTheTaiwanOne()
    {
        // Written for this test: the question's clause says only 通行证; the trip to Taiwan is told before it.
        var result = seed.Engine.Ask("前年去台湾看亲戚办的签注用完了，通行证还有两年才到期，签注要怎么重新办？");

        Assert.Equal(AnswerDecision.Answered, result.Decision);
        Assert.Equal("CR-019", result.Entry!.Id);                            // not CR-005, the 港澳 签注
    }

    [Theory]
    [InlineData("我和男朋友都是河南人，在苏州上班，十月想在苏州领证，可以吗")]
    [InlineData("女朋友问婚前检查是不是非做不可，不做能扯证不")]     // 扯证 and 婚前检查 name services too
    public void AMessageNamingAServiceIsNotOffTopicWhoeverItMentions(string message)
    {
        var marriage = seed.Engine.Ask(message);
        var chat = seed.Engine.Ask("我男朋友不理我怎么办");

        Assert.NotEqual("offTopic", marriage.Reason);
        Assert.Equal("offTopic", chat.Reason);
        Assert.Equal(AnswerDecision.NoAnswer, chat.Decision);
    }

    [Fact]
    public void EverydayWordsInTheStoryBeforeAQuestionDoNotMakeItOffTopic()
    {
        // Written for this test: 下雨 is in the story, the question is about the old-age accident insurance (YL-013).
        var story = seed.Engine.Ask("前天下雨路滑，我妈在小区门口摔了一跤，手腕骨折住了几天院，听说政府给老人买了意外保险，怎么理赔");
        var weather = seed.Engine.Ask("明天下雨吗");

        Assert.NotEqual("offTopic", story.Reason);
        Assert.Contains(story.Decision == AnswerDecision.Answered ? [story.Entry!.Id] : story.Choices.Select(c => c.Id), id => id == "YL-013");
        Assert.Equal("offTopic", weather.Reason);
    }
}
