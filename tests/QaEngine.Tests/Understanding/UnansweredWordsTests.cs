using GovAssistant.QaEngine.Answering;

namespace GovAssistant.QaEngine.Tests.Understanding;

/// <summary>
/// What the best entry does not speak of: a need it never mentions, or — in a short question — a word it never uses.
/// Such a question gets "您是不是想问…" with the entry among the choices, not the entry as a confident answer.
/// </summary>
[Collection(SeedEngineCollection.Name)]
public class UnansweredWordsTests(SeedEngineFixture seed)
{
    [Theory]
    [InlineData("老年人优待证丢了怎么补办", "YL-004")]
    [InlineData("老年公交卡丢了怎么补", "YL-010")]
    public void ANeedTheEntryNeverMentionsIsNotAnsweredByIt(string question, string generic)
    {
        var r = seed.Engine.Ask(question);
        Assert.False(r is { Decision: AnswerDecision.Answered } && r.Entry!.Id == generic, $"{question} → {r.Decision} {r.Entry?.Id}");
        if (r.Decision == AnswerDecision.Clarify) Assert.Contains(r.Choices, c => c.Id == generic);
    }

    [Theory]
    [InlineData("国家奖学金怎么评选", "JX-010")]
    [InlineData("房子被法院查封了怎么解封", "BD-010")]
    [InlineData("成人高考怎么报名", "JX-016")]
    [InlineData("公积金贷款逾期了怎么处理", "GJ-005")]
    public void AShortQuestionWithAThingTheEntryNeverNamesIsNotAnsweredByIt(string question, string resembles)
    {
        var r = seed.Engine.Ask(question);
        Assert.False(r is { Decision: AnswerDecision.Answered } && r.Entry!.Id == resembles, $"{question} → {r.Decision} {r.Entry?.Id}");
    }

    [Theory]
    [InlineData("老年人优待证怎么办理", "YL-004")]
    [InlineData("大学生怎么申请国家助学金", "JX-010")]
    public void TheEntrysOwnWordsAreStillAnsweredOutright(string question, string id)
    {
        seed.AssertAnsweredWith(question, id);
    }

    // 掰断, 有误, 领证, 交纳: the lexicon reads the need or thing (换领, 变更, 结婚证, 参保) that the entry's own questions
    // name in other words.
    [Theory]
    [InlineData("身份证掰断了", "SF-006")]
    [InlineData("房产证信息有误要改正", "BD-013")]
    [InlineData("我都领证了户口本上还是未婚", "HJ-018")]
    [InlineData("退休以后医保还要继续交纳吗", "YB-020")]
    public void AWordForANeedTheEntryNamesInOtherWordsIsNotUnused(string question, string id)
    {
        seed.AssertAnsweredWith(question, id);
    }

    [Theory]
    [InlineData("台胞证过期了，人还在温州工作怎么换", "GA-006")]
    [InlineData("从西安跳槽到成都，公积金咋个转过来", "GJ-007")]
    [InlineData("身份证非得按手印吗", "SF-016")]
    public void PlacesAndFunctionWordsTheBankNeverAsksAboutDoNotStopAnAnswer(string question, string id)
    {
        // 温州, 西安, 咋个, 非得: how and where the citizen is (jieba's place names, pronouns, adverbs …), not the thing
        // asked about, and no question of the bank uses them.
        seed.AssertAnsweredWith(question, id);
    }

    [Theory]
    [InlineData("驾驶证还有一个月到期，现在能换吗", "JT-001")]
    [InlineData("护照还有三个月到期，现在能换吗", "CR-002")]
    [InlineData("公司一直没给我交社保，能投诉吗", "SB-017")]
    [InlineData("残疾证今年到期了，换证要带什么", "CJ-002")]
    [InlineData("手机上能装个电子社保卡吗", "SB-009")]
    [InlineData("跨省迁户口只在迁入地办行吗", "HJ-014")]
    public void AdverbsTimesModalWordsAndGluedCharactersDoNotStopAnAnswerEvenWhenTheBankUsesThem(string question, string id)
    {
        // 一直, 今年 (an adverb and a time, though some question of the bank uses them), 还有 (modal characters only),
        // 能换, 装个, 办行 (jieba's HMM gluing a modal or measure character, or the 行 of 行吗, to the next or last one): none
        // of them names a service.
        seed.AssertAnsweredWith(question, id);
    }

    [Theory]
    [InlineData("公积金那边每月能取多少来付房租", "GJ-002")]
    [InlineData("帮我看看护照丢了怎么补", "CR-003")]
    public void WordsOfWhereHowOftenAndMannerSaidInPassingDoNotStopAnAnswer(string question, string id)
    {
        // 那边, 每月, 看看 (and 一点, 基本, 突然): where and how often, and how the citizen asks, not what.
        seed.AssertAnsweredWith(question, id);
    }


    [Theory]
    [InlineData("拍护照照片有什么讲究", "CR-017")]
    [InlineData("退休了职工医保还要继续交吗", "YB-020")]
    [InlineData("我手上的居住证要注销吗", "JZ-017")]
    [InlineData("个税退税一直不到账怎么查原因", "SW-015")]
    [InlineData("法院拍卖所得的房子怎么过户", "BD-019")]
    [InlineData("很着急，护照能加急办吗", "CR-014")]
    [InlineData("听说慢病能多报销，怎么申请认定", "YB-005")]
    public void EverydayWordsOfHowOneAsksDoNotStopAnAnswer(string question, string id)
    {
        // 讲究, 继续, 手上, 不到 (which the thesaurus reads as 缺席), 所得, 着急, 听说: how the citizen speaks, not a service or need the entry
        // leaves out.
        seed.AssertAnsweredWith(question, id);
    }
    // Written for this test: who asks by their work (新手爸爸, 司机) is said, not asked about.
    [Theory]
    [InlineData("新手爸爸陪产假有几天", "SY-007")]
    [InlineData("货车司机驾驶证审验在哪办", "JT-003")]
    public void WhoAsksByTheirWorkDoesNotStopAnAnswer(string question, string id) => seed.AssertAnsweredWith(question, id);

    // Written for this test: going back home (返乡, 回原籍) says where the service is wanted, not which one.
    [Theory]
    [InlineData("退伍兵返乡上户口要带什么", "HJ-017")]
    [InlineData("应届毕业生档案放回原籍怎么办", "JY-006")]
    public void GoingBackHomeDoesNotStopAnAnswer(string question, string id) => seed.AssertAnsweredWith(question, id);

    // Written for this test: a townsman (城里人) is where someone lives, which decides whether a homestead is theirs to buy.
    [Fact]
    public void WhereSomeoneLivesStillStopsAnAnswer() => seed.AssertOfferedFor("城里人能在农村买宅基地吗", "word", "BD-012");

    [Fact]
    public void AWordInsideOneOfTheEntrysQuestionsAsJiebaCutItAnotherWayIsUsed()
    {
        // jieba cuts 车开 out of 车开了, while JT-015's "我家老车开了20年…" is cut 老车 开 …: the word is still in its question.
        seed.AssertAnsweredWith("车开了二十年了报废要去哪", "JT-015");
    }

    [Theory]
    [InlineData("去民证局扯结婚证都要拿啥", "HY-001")]
    [InlineData("辦身份證拍照可以戴美瞳、開美顏嗎？", "SF-008")]
    public void CharactersJiebaJoinedIntoAnUnknownWordFromTheEntrysOwnQuestionsAreUsed(string question, string id)
    {
        // 去民证局 (民政局 miswritten) and 戴美瞳 are no dictionary's words; every character of them is in the entry's questions.
        seed.AssertAnsweredWith(question, id);
    }

    [Fact]
    public void AnUnknownNameTheEntryNeverUsesStillStopsAnAnswer()
    {
        // 美联 (a kindergarten's name) is no dictionary's word either, but JX-003 never uses its characters.
        var r = seed.Engine.Ask("美联幼儿园什么时候能招生");
        Assert.NotEqual(AnswerDecision.Answered, r.Decision);
    }

    [Fact]
    public void CircumstancesInALongMessageDoNotStopAnAnswer()
    {
        // The long message's words the entry never uses (苏州, 姑苏区, 上个月 …) are the citizen's circumstances.
        var r = seed.Engine.Ask("我在苏州工业园区租房住了两年，居住证也是在园区办的。上个月换了份工作，搬到了姑苏区，新签了租房合同。居住证上的地址还是原来的，需要去改吗？");
        Assert.Equal(AnswerDecision.Answered, r.Decision);
    }

    [Fact]
    public void ASchemeTheEntryNeverSpeaksOfHoldsBackAnAnswerInALongMessageToo()
    {
        // Written for this test: the phone number kept by the 公积金 centre, not the one on a driving licence.
        seed.AssertOfferedNotAnswered("我换了新的手机号，公积金中心那边的短信一直收不到，这个号码要去哪里改", "JT-017");
        seed.AssertAnsweredWith("我换了新手机号，驾驶证上的联系电话要去哪里改", "JT-017");
    }

    // Written for this test: a drugstore, homestead land and a right of residence are not what the best entry speaks of
    // (a food business permit, a 公积金 loan for a home bought elsewhere, a home given to a child).
    [Theory]
    [InlineData("我想在小区门口开一家药店，除了营业执照还要办什么证", "QY-002")]
    [InlineData("我在老家的宅基地上盖房子，这个能用公积金贷款吗", "GJ-012")]
    // A right of residence (居住权) kept in a home given away is not the gift itself.
    [InlineData("房子准备过户给女儿，我们老两口想登记个居住权保证能一直住，怎么办理？", "BD-008")]
    public void AThingOfItsOwnTheEntryNeverSpeaksOfHoldsBackAnAnswerInALongMessage(string question, string resembles) =>
        seed.AssertOfferedNotAnswered(question, resembles);

    [Fact]
    public void AThingNamedInAClauseSayingWhenIsACircumstance() =>
        // Written for this test: the car loan tells when the tax certificate was asked for.
        seed.AssertAnsweredWith("办车贷的时候银行让我开个人所得税的完税证明，手机上能开吗", "SW-014");

    [Fact]
    public void ALostThingIsAskedAboutNotTheOneStillAtHand() =>
        // Written for this test: the food permit is lost, the business licence is not.
        seed.AssertOfferedNotAnswered("我家饭店的食品经营许可证不见了，营业执照还在，要怎么补办", "QY-009");

    // Written for this test: nothing the best entry is about (wages owed, a company's annual report) is named, and what
    // is asked of names a thing it never speaks of (the medical insurance card of the story a bare 该找哪里 asks about,
    // the income tax): the words matched by guess.
    [Theory]
    [InlineData("楼下诊所总拉老人去免费体检，再刷他们的医保卡开药，我觉得不对，想反映，该找哪里", "JY-009")]
    [InlineData("个税汇算过了6月30号没弄，会怎么样，还能补吗", "QY-013")]
    public void AnEntryAboutNoThingNamedDoesNotAnswerAMessageNamingAnother(string question, string guessed) =>
        seed.AssertOfferedNotAnswered(question, guessed);

    // Written for this test: the question names the leave (护理假) the entry speaks of; the birth (生了二胎) is the story
    // told before it, not what is asked.
    [Fact]
    public void TheStoryOfAQuestionNamingAThingDoesNotHoldBackTheEntryAboutIt() =>
        seed.AssertAnsweredWith("媳妇生了二胎，我在外地出差，现在回来了，问问单位给男的护理假一般几天？", "SY-007");

    // Written for this test: becoming a mediator is not asking for mediation.
    [Fact]
    public void BecomingAProviderIsNotAnsweredWithTheService() =>
        seed.AssertOfferedNotAnswered("请问如何当人民调解员", "FL-015");

    // Written for this test: being granted homestead land to build on is not getting the certificate of a house built.
    [Fact]
    public void AHomesteadAskedForIsNotAnsweredWithTheCertificateOfAHouseBuilt()
    {
        seed.AssertOfferedFor("想在老家批一块宅基地盖房，要什么条件", "need", "BD-012");
        seed.AssertAnsweredWith("老家宅基地上盖的房子怎么办房产证", "BD-012");
    }
}
