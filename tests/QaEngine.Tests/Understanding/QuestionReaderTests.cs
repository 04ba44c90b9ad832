using GovAssistant.QaEngine.Understanding;

namespace GovAssistant.QaEngine.Tests.Understanding;

public class QuestionReaderTests
{
    private static readonly QuestionReader Reader = new(Text.TextNormalizer.Default, RegionNames.Of(["西安市", "西安", "商州区", "新河镇"]), ServiceLexicon.Default, Homophones.Default);

    [Theory]
    [InlineData("咨询G市新车上牌选号问题", "新车上牌选号")]
    [InlineData("关于M1区小学入学申请资料的咨询", "小学入学申请资料")]
    [InlineData("您好，请问身份证丢了怎么补办？谢谢！", "身份证丢了怎么补办")]
    [InlineData("尊敬的领导：您好！现就居住证签注一事咨询。", "居住证签注")]
    [InlineData("西安市新河镇居民咨询独生子女证办理事宜", "居民咨询独生子女证办理")]
    [InlineData("咨询商州区公益性岗位补贴和社保补贴的有关问题", "公益性岗位补贴和社保补贴")]
    [InlineData("咨询西安市科目三道路驾驶技能考试等相关问题", "科目三道路驾驶技能考试")]
    [InlineData("关于居住证签注的有关事宜", "居住证签注")]
    [InlineData("我想知道居住证怎么签注", "居住证怎么签注")]
    [InlineData("想搞清楚，身份证的有效期是按什么划分的？", "身份证的有效期是按什么划分的")]
    public void FramingAndPlacesAreSetAside(string message, string core) =>
        Assert.Equal(core, Reader.Read(message).Core.Replace(" ", ""));

    [Theory]
    [InlineData("B9市东富镇人咨询身份证挂失一事", "身份证挂失")]
    [InlineData("咨询D11市水东江办事处兴竹村出生医学证补换发问题", "出生医学证补换发")]
    [InlineData("K市人异地驾驶证换发问题的咨询", "异地驾驶证换发")]
    [InlineData("A市人社局的电话是多少", "人社局的电话是多少")]
    [InlineData("A市新农村建设有补贴吗", "新农村建设有补贴吗")]
    [InlineData("咨询A市美丽乡村项目", "美丽乡村项目")]
    [InlineData("西安市粤海街道办事处能办港澳通行证吗", "能办港澳通行证吗")]
    public void SmallerPlacesAndWhereOneIsFromGoWithThePlace(string message, string core) =>
        Assert.Equal(core, Reader.Read(message).Core.Replace(" ", ""));

    [Theory]
    [InlineData("咨询K8县户口迁移问题", "k8县")]
    [InlineData("我在西安市上班，社保怎么转", "西安市")]
    [InlineData("商州区的居住证在哪办", "商州区")]
    [InlineData("咨询某街道个体店营业执照遗失补领问题", "某街道")]
    [InlineData("关于某县农村低保申请的咨询", "某县")]
    public void ThePlaceNamedIsKeptAsRegionNotTopic(string message, string region)
    {
        var read = Reader.Read(message);
        Assert.Equal(region, read.Region);
        Assert.DoesNotContain(region, read.Core);
    }

    [Theory]
    [InlineData("某市民反映小区停车难", "某市民")]
    [InlineData("某区域的学校划片怎么查", "某区域")]
    [InlineData("某村委会开证明要带什么", "某村委会")]
    public void AnUnnamedPersonAreaOrOfficeIsNoPlace(string message, string kept)
    {
        var read = Reader.Read(message);
        Assert.Null(read.Region);
        Assert.Contains(kept, read.Core);
    }

    [Fact]
    public void ALongNarrativeIsMatchedByItsQuestionAndTheCircumstanceBeforeIt()
    {
        var read = Reader.Read("上周末去郊外钓鱼，回来后发现放驾驶证的小包不见了，应该是落在河边了，回去找也没找到。" +
                               "我平时每天都要开车上下班，驾驶证丢了要怎么补办？");
        Assert.Contains("驾驶证丢了要怎么补办", read.Core);
        Assert.DoesNotContain("钓鱼", read.Core);
    }

    [Fact]
    public void WhatWasDoneAFewTimesIsTheStoryNotAQuestion()
    {
        var read = Reader.Read("每天开车接送孩子，图方便压了几次线、闯了几次红灯，昨天一查这个周期扣满12分了。驾驶证现在还能开车吗？");

        Assert.Single(read.Questions);
        Assert.Contains("驾驶证现在还能开车吗", read.Core);
        Assert.DoesNotContain("红灯", read.Core);
    }

    [Theory]
    [InlineData("我们俩一起申请公积金贷款的话，额度是怎么算的？", "额度是怎么算的")]
    [InlineData("额外的费用要自己出吗", "额外的费用要自己出吗")]
    [InlineData("额，我想问身份证怎么补办", "身份证怎么补办")]
    [InlineData("这个月养老金什么时候发", "这个月养老金什么时候发")]
    [InlineData("这个，身份证怎么补办", "身份证怎么补办")]
    public void AHesitationIsSetAsideButNotTheWordItBegins(string message, string ending) =>
        Assert.EndsWith(ending, Reader.Read(message).Core.Replace(" ", ""));

    [Fact]
    public void AQuestionNamingItsOwnNeedAndObjectStandsWithoutTheStoryBeforeIt()
    {
        var read = Reader.Read("我哥哥的残疾证放在抽屉里，家里装修以后再也找不到了。哥哥现在要用证去办补贴手续，残疾证丢了要去哪里补办？");

        Assert.Equal("残疾证丢了要去哪里补办", read.Questions[0]);
    }

    [Fact]
    public void ACircumstanceSayingWhoAsksStaysWithAQuestionThatNamesItsNeedAndObject()
    {
        // Services for 港澳台 residents answer only a message that says so: the clause that does goes with the question.
        var read = Reader.Read("我是台湾同胞，现在在大陆上班，公司会帮我交社保吗？");

        Assert.Contains("大陆上班", read.Questions[0]);
        Assert.EndsWith("公司会帮我交社保吗", read.Questions[0]);
    }

    [Fact]
    public void AThingTheStorySaysIsLackingGoesWithTheServiceWantedBeforeIt()
    {
        // The child has no 身份证 yet: that is why the 居住证 question is asked, not what it asks for.
        var read = Reader.Read("我们两口子在这边厂里上班，儿子三岁一直跟着我们住，想给他也办个居住证，孩子还没身份证，拿什么办？");

        Assert.Equal("想给他也办个居住证 孩子还没身份证 拿什么办", read.Questions[0]);
    }

    [Fact]
    public void TheClauseThatAsksIsKeptApartFromWhatTheStoryHeard()
    {
        var read = Reader.Read("您好，我们在A市办了一家托育机构，听说民办养老机构可以领运营补贴，托育机构能不能也申请运营补贴？");

        Assert.Equal("托育机构能不能也申请运营补贴", read.Asking);
        Assert.Contains("养老机构", read.Questions[0]);
    }

    [Fact]
    public void ANeedAskedWithoutItsObjectIsMatchedNotTakenForAnAspect() =>
        // 怎么补办 after the story is what is wanted of the 驾驶证, not which part of an answer to show (as 要多少钱 would be).
        Assert.EndsWith("怎么补办", Reader.Read("搬家收拾完发现驾驶证不知道放哪了，翻了好几遍都没有，怎么补办？").Whole);

    [Theory]
    [InlineData("孩子的出生证明上名字写错了一个字，该怎么改？", "该怎么改")]
    [InlineData("我的医保卡被洗衣机洗了，怎么弄？", "怎么弄")]
    public void ABareHowAfterTheStoryIsMatchedWithIt(string message, string how)
    {
        // A short message is matched whole; "该怎么改" names no aspect (as 要多少钱 would) but asks what the story sets.
        var read = Reader.Read(message);
        Assert.EndsWith(how, read.Core);
        Assert.EndsWith(how, read.Whole);
    }

    [Fact]
    public void AnAspectAfterTheQuestionIsStillLeftOutOfTheMatch() =>
        Assert.Equal("身份证丢了怎么补办", Reader.Read("身份证丢了怎么补办，要多少钱？").Core);

    [Theory]
    [InlineData("新生儿怎么上户口，求解答", "新生儿怎么上户口")]
    [InlineData("新生儿怎么上户口？求答复！", "新生儿怎么上户口")]
    public void AClosingAskingForAnAnswerIsNoPartOfTheQuestion(string message, string core) =>
        Assert.Equal(core, Reader.Read(message).Whole);

    [Fact]
    public void AQuestionNamingANeedOfNothingTakesTheClauseThatNamesTheThing()
    {
        // 告他们 says what is wanted (投诉), not of what: the 养老院 two clauses back is the thing, not the cold food.
        var read = Reader.Read("我妈住的那个养老院，护工对她凶得很，饭也冷冰冰的，找哪个部门告他们嘛");
        Assert.Contains("养老院", read.Questions[0]);
        Assert.EndsWith("找哪个部门告他们嘛", read.Questions[0]);
    }

    [Fact]
    public void AQuestionWithoutItsOwnTopicTakesTheClauseThatNamesOne()
    {
        var read = Reader.Read("亲戚车祸后基本瘫痪在床，失去了劳动能力。这种情况可以申请吗？");
        Assert.Contains("失去了劳动能力", read.Core);
        Assert.Contains("这种情况可以申请吗", read.Core);
    }

    [Fact]
    public void SeveralQuestionsAreToldApartAndAspectClausesStayWithTheirQuestion()
    {
        var read = Reader.Read("小孩出生了户口怎么上？需要带什么材料？另外医保怎么给孩子办？");
        Assert.Equal(2, read.Questions.Count);
        Assert.Contains("户口怎么上", read.Questions[0]);
        Assert.Contains("医保怎么给孩子办", read.Questions[1]);
        Assert.DoesNotContain("材料", read.Core);
    }

    [Theory]
    [InlineData("您好，本人下月退休。关于申领养老金的办理流程，特此咨询，望予答复。", "申领养老金的办理流程")]
    [InlineData("关于积分落户的申报渠道和所需材料，特此咨询。", "积分落户的申报渠道和所需材料")]
    [InlineData("关于驾驶证异地换领的手续等，盼复。", "驾驶证异地换领的手续等")]
    public void ALetterNamingWhatItWantsOfAServiceAsks(string message, string question)
    {
        // No question word, but the conditions, papers, steps or channels of a service are what is asked for.
        var read = Reader.Read(message);
        Assert.True(read.Asked);
        Assert.EndsWith(question, read.Questions[0]);
    }

    [Fact]
    public void ALetterThatAsksNothingInWordsAsksAboutWhatItSaysItIsAbout()
    {
        // Written for this test: no question word, and the 关于 clause ends with 时限, no aspect the letters ask by.
        var read = Reader.Read("尊敬的出入境管理局领导：您好！我儿子今年九岁，暑假要随学校去新加坡游学，此前从未办过护照。关于未成年人首次申请护照的费用及办理时间，特此咨询，望予答复。");
        Assert.True(read.Asked);
        Assert.EndsWith("未成年人首次申请护照的费用及办理时间", read.Questions[0]);
        Assert.DoesNotContain("游学", read.Core);
    }

    [Fact]
    public void AFormalLettersConsultationFramingIsSetAside()
    {
        // Written for this test: "本人系…", "现就…事宜咨询如下", "敬请答复" frame the letter; only what it is about is read.
        var read = Reader.Read("您好！本人系绍兴市居民，拟为父亲申请门诊慢特病待遇。现就认定所需材料及办理时限事宜咨询如下，敬请答复。");
        Assert.DoesNotContain("答复", read.Whole);
        Assert.DoesNotContain("如下", read.Whole);
        Assert.DoesNotContain("系", read.Whole);
        Assert.Contains("申请门诊慢特病待遇", read.Whole);
    }

    [Fact]
    public void AShortTitleAboutAPolicyStillAsksNothing() =>
        // Two clauses, but a title: 关于独生子女 names what the policy is about, not a question.
        Assert.False(Reader.Read("关于独生子女，政策").Asked);

    [Fact]
    public void BesideARealQuestionAClauseEndingWithAnAspectIsPartOfTheStory()
    {
        // 办的手续 and 婚姻材料 end the way a letter's question does, but the message asks with 能…吗 at its end.
        var read = Reader.Read("我十年前离的婚，当时在民政局办的手续。现在买房贷款银行要看婚姻材料，离婚证找不到了，离婚证丢了能补办吗？");

        Assert.Single(read.Questions);
        Assert.EndsWith("离婚证丢了能补办吗", read.Questions[0]);
        Assert.DoesNotContain("手续", read.Questions[0]);
    }

    [Theory]
    [InlineData("咨询A市公积金贷款的相关政策")]
    [InlineData("关于居住证办理问题的咨询")]
    [InlineData("本人已备齐全部材料")]
    public void ATopicOrAStatementAsksNothingInParticular(string message) =>
        Assert.False(Reader.Read(message).Asked);

    [Fact]
    public void VoiceInputWithoutPunctuationIsCutWhereTheSpeakerHesitated()
    {
        var read = Reader.Read("嗯我老头子那个退休金的认证就是每年要做的那个嗯在家里手机上咋个弄啊我不会弄");
        Assert.Equal("在家里手机上咋个弄", read.Questions[0][^"在家里手机上咋个弄".Length..]);
        Assert.DoesNotContain("嗯", read.Whole);
        Assert.DoesNotContain("就是", read.Whole);
    }

    // Written for this test: spoken with spaces for pauses, the pieces asking only for an aspect (要带什么, 要不要钱) are
    // apart from the question, as after a comma; a short list of keywords is matched whole.
    [Fact]
    public void AspectsAskedAfterAPauseInLongVoiceInputAreLeftOutOfTheMatch()
    {
        Assert.Equal("我老伴 前年中风了 腿脚不灵便 想给他办个残疾证", Reader.Read("嗯 我老伴 前年中风了 腿脚不灵便 想给他办个残疾证 就是要去哪里 要带什么 要不要钱").Whole);
        Assert.Equal("残疾证 办理 要带什么", Reader.Read("残疾证 办理 要带什么").Whole);
    }

    [Theory]
    [InlineData("同志你好我想问一下我那个身份证过期了我腿脚不方便能不能叫人上门来给我办", "我的身份证过期了我腿脚不方便能不能叫人上门来给我办")]
    [InlineData("小伙子问一下老年卡在哪里办", "老年卡在哪里办")]
    [InlineData("喂喂能听到吗我想问问我老伴走了他的养老金怎么领出来", "我老伴走了他的养老金怎么领出来")]
    public void ACallersGreetingAndTurnToTheQuestionAreSetApartInVoiceInput(string message, string core) =>
        Assert.Equal(core, Reader.Read(message).Core);

    [Fact]
    public void TheClausesNamingAServiceAreReadWithTheQuestionAndTheRestOfTheStoryIsNot()
    {
        var read = Reader.Read("我爸今年七十八了，前段时间摔了一跤，身份证也快到期了，请问有没有办法不用本人去现场？");
        Assert.Contains("身份证也快到期了", read.Services);
        Assert.Contains("不用本人去现场", read.Services);
        Assert.DoesNotContain("摔了一跤", read.Services);
        Assert.Contains("摔了一跤", read.Whole);
    }

    [Fact]
    public void APunctuatedMessageKeepsItsDemonstratives() =>
        Assert.Equal("我想办那个居住证", Reader.Read("我想办那个居住证，需要什么材料？").Core);

    [Theory]
    [InlineData("前几天我在地铁上丢了钱包")]
    [InlineData("找了好几个月")]
    [InlineData("翻遍了家里怎么也找不到")]
    [InlineData("问了哪里都不管")]
    [InlineData("这么多材料")]
    [InlineData("到了那边想多耍几天")]
    [InlineData("住院住了十几天")]
    [InlineData("材料交上去等了20几天")]
    [InlineData("家里也拿不出多少")]
    [InlineData("卡里没剩多少钱了")]
    public void AFewDaysAgoAndNoMatterHowAskNothing(string clause) => Assert.False(Interrogatives.Asks(clause));

    [Theory]
    [InlineData("补办要几天")]
    [InlineData("几个工作日能办好")]
    [InlineData("怎么补办")]
    [InlineData("这样办行么")]
    [InlineData("最多几天能办好")]
    [InlineData("能多住几天吗")]
    [InlineData("最多能贷多少")]
    [InlineData("不知道要交多少")]
    public void HowManyAndHowStillAsk(string clause) => Assert.True(Interrogatives.Asks(clause));

    [Fact]
    public void ANarrativeStartingAFewDaysAgoIsMatchedByItsQuestion()
    {
        var read = Reader.Read("前几天去菜市场买菜，回来发现钱包不见了，身份证也在里面。我很担心被人拿去办贷款，现在应该怎么办？");
        Assert.Single(read.Questions);
        Assert.EndsWith("现在应该怎么办", read.Questions[0]);
    }

    [Fact]
    public void AQuestionWithoutATopicTakesTheClauseNamingAServiceNotTheNearestOne()
    {
        var read = Reader.Read("孩子的社保卡找不到了，问了好几个人都说不清楚，这种情况怎么办？");
        Assert.Contains("社保卡", read.Questions[0]);
        Assert.DoesNotContain("说不清楚", read.Questions[0]);
    }

    [Theory]
    [InlineData("孩子刚出生，有两个问题想咨询：出生证明在哪领？户口怎么上？")]
    [InlineData("孩子刚出生，想问三件事：出生证明在哪领？户口怎么上？医保怎么交？")]
    public void SayingHowManyQuestionsFollowIsNoPartOfThem(string message)
    {
        var read = Reader.Read(message);
        Assert.Equal("孩子刚出生 出生证明在哪领", read.Questions[0]);
        Assert.DoesNotContain("问题", read.Whole);
        Assert.DoesNotContain("件事", read.Whole);
    }

    [Fact]
    public void TwoServicesAskedTogetherAreToldToBeSeveral() =>
        Assert.True(Reader.Read("新生儿户口怎么落户？另外身份证怎么补办？").SeveralServices);

    [Fact]
    public void ALongMessageKeepsItsSubjectLineInTheWholeReadingButNotInItsQuestion()
    {
        var read = Reader.Read("您好，关于养老保险缴费年限的咨询：我父亲明年就到退休年龄了，单位和个人一共只交了十年。请问到时候可以怎么处理？谢谢。");
        Assert.DoesNotContain("养老保险", read.Core);
        Assert.Contains("养老保险缴费年限", read.Whole);
        Assert.Contains("怎么处理", read.Whole);
        Assert.DoesNotContain("您好", read.Whole);
        Assert.DoesNotContain("谢谢", read.Whole);
        Assert.False(read.SeveralServices);
    }

    [Theory]
    [InlineData("我的社保这个月为什么没扣")]
    [InlineData("我交的材料审核到哪一步了")]
    [InlineData("我的护照什么时候能寄到")]
    [InlineData("我的残疾人两项补贴这个月到账了吗")]
    [InlineData("我这个月的残疾人两项补贴到账了吗")]
    [InlineData("我今年的居民医保交上了没有")]
    [InlineData("我的身份证号是，护照什么时候到")]
    [InlineData("我的个税这个月为什么少扣了")]
    [InlineData("我的低保这个月咋个没打到卡上嘛")]      // 咋个没: why not, in Southwest Mandarin
    // "怎么算的" asked of the assistant's look at one's own payment.
    [InlineData("我的养老金这个月怎么少了两百块，帮我看看是怎么算的")]
    public void AQuestionAboutOnesOwnCaseIsRecognised(string message) => Assert.True(Reader.Read(message).OwnCase);

    [Theory]
    // A story of one's own case (人事说…批下来才发) ending in how the service works.
    [InlineData("我爱人在厂里上班，交着生育保险，上个月生了孩子。人事说生育津贴要等医保局批下来才发。请问生育津贴是怎么算的，要走什么手续？")]
    [InlineData("身份证办到哪一步了怎么查")]
    [InlineData("我的身份证丢了怎么补办")]
    [InlineData("社保断缴了还能补缴吗")]
    [InlineData("我残疾人，上班扣的个税能不能少扣点")]
    [InlineData("我的驾照一直没扣过分，能增驾吗")]
    [InlineData("我退休后返聘上班，我的养老金会停发吗")]
    [InlineData("我女儿在读在职研究生，个税能不能每个月少扣一点")]         // a relief the rules allow, the modal a few words before
    [InlineData("我儿子想用公积金贷款买第二套房，二套房的公积金利息是多少")] // a rate, not a figure of one's own
    public void AGeneralQuestionIsNotAnOwnCase(string message) => Assert.False(Reader.Read(message).OwnCase);

    [Theory]
    [InlineData("营业执照提交了五天了怎么还在审核中")]
    [InlineData("社保卡寄出来半个月了还没收到是怎么回事")]
    [InlineData("低保申请交上去三个月了，一直没消息")]
    [InlineData("我家老人的高龄津贴这几个月都没有到账")]
    [InlineData("俺家的低保咋个还不发嘞")]
    [InlineData("我上个月交的养老保险怎么到现在还没到账")]
    // A letter says it without naming who: 已申请 … 至今未收到.
    [InlineData("您好：本人2023年已申请公租房，至今未收到任何审核结果，请问目前进度如何？")]
    public void WaitingForSomethingAppliedForIsAnOwnCase(string message) => Assert.True(Reader.Read(message).OwnCase);

    [Theory]
    [InlineData("孩子的入学申请审核没通过，原因是什么")]
    [InlineData("为什么我的公积金提取被驳回了")]
    [InlineData("我妈的养老金这个月怎么少了两百块")]
    [InlineData("我交了三年的社保为什么查不到记录")]
    public void AskingWhyOnesOwnApplicationWentWrongIsAnOwnCase(string message) => Assert.True(Reader.Read(message).OwnCase);

    [Theory]
    [InlineData("社保局说我断缴了三个月，可我一直在上班，怎么回事")]
    [InlineData("个税APP提示我有一笔收入未申报，我没有这笔收入啊")]
    [InlineData("公积金中心说我的贷款申请不符合条件，哪里不符合")]
    [InlineData("我的社保卡激活了吗")]
    [InlineData("我的护照寄出了没有")]
    [InlineData("你能帮我查一下社保吗")]
    [InlineData("帮我看看公积金还有多少")]
    [InlineData("个税APP提示要补税两百，是哪一笔收入算多了")]
    public void WhatAnOfficeSaysOfOnesRecordOrWhetherOnesOwnThingIsDoneIsAnOwnCase(string message) =>
        Assert.True(Reader.Read(message).OwnCase);

    [Theory]
    [InlineData("医生说我需要长期吃药，门诊慢病怎么申请")]
    [InlineData("听说我们这里可以网上办身份证，到底怎么办")]
    [InlineData("社保卡怎么激活")]
    [InlineData("帮我查一下身份证补办要什么材料")]
    [InlineData("谁能帮我查一下快递到哪了")]
    [InlineData("我妈住院花了不少钱，女儿说可以拿去抵个税，是怎么回事")]
    [InlineData("我爸去年看病自费好几万，听说能抵扣个税是咋回事要咋弄")]
    public void AStoryOfWhatSomeoneSaidOrAHowToIsNotAnOwnCase(string message) => Assert.False(Reader.Read(message).OwnCase);

    // Written for this test: the citizen's own case is told, but what is asked is where to complain, which the bank answers.
    [Theory]
    [InlineData("我上班半年了工资单上一直没扣社保，该找哪个部门反映")]
    [InlineData("我的公积金单位一直没交，要向哪里投诉")]
    public void WhereToComplainOfOnesOwnCaseIsNotAnOwnCase(string message) => Assert.False(Reader.Read(message).OwnCase);

    [Theory]
    [InlineData("生育津贴申请后多久能发")]
    [InlineData("公积金提取一般多久能到账")]
    [InlineData("家里人失踪七八年了一直没消息，能先把他的户口注销吗")]
    [InlineData("我公积金账户余额五万，最多能贷多少")]
    [InlineData("公积金提取被驳回了怎么办")]
    [InlineData("孩子出生三个月了还没上户口，怎么办")]
    [InlineData("我老婆上个月生了二胎，请问生育津贴一般多久能批下来")]
    [InlineData("我爸八十多了，高龄津贴怎么申请？要带哪些材料？多久能批下来？")] // nothing handed in yet
    [InlineData("公积金贷款申请后尚未放款，一般需要多久")]
    [InlineData("我和老公分居两年了，两个人都同意离，去民政局办离婚多久能拿到离婚证")] // the years apart are no wait for an application
    public void HowLongAServiceTakesOrAStoryOfWaitingIsNotAnOwnCase(string message) => Assert.False(Reader.Read(message).OwnCase);

    [Theory]
    [InlineData("社保卡补办的材料交上去十天了，啥时候能拿")]
    [InlineData("我的公积金提取申请被退回了说材料不全，具体缺啥")]
    [InlineData("帮我看下我医保卡里还剩多少钱")]
    [InlineData("我老公的低保申请批了没")]
    [InlineData("我驾照被扣了几分你们能查吗")]
    [InlineData("我的房产证办好了吗，交房那会儿交了材料")]
    [InlineData("老爷子的高龄补贴停发了是咋回事")]
    [InlineData("我的公积金账户怎么被冻结了")]
    [InlineData("上礼拜递交的出生登记，现在能去拿户口本了吗")]
    [InlineData("我的养老保险交了多少年了")]
    [InlineData("俺的新农合咋报不了了")]
    [InlineData("我家的保障房轮候排第几了")]
    // Voice input: after the speaker, 那个 says whose (我那个老伴 = 我的老伴), it is no pause that drops the owner.
    [InlineData("嗯我那个老伴的养老金这个月突然不发了咋回事")]
    [InlineData("我的护理补贴这两个月突然不发了，要怎么才能恢复")]
    [InlineData("尊敬的领导：本单位的社保登记变更材料已递交三个工作日了，系统依然显示待受理，请问现在进展如何？")]
    public void AStatusAskedInEverydayWordsIsAnOwnCase(string message) => Assert.True(Reader.Read(message).OwnCase);

    [Theory]
    [InlineData("想查一下我的公积金缴了几年")]
    [InlineData("我的社保卡不能用了怎么办")]
    [InlineData("低保申请一般多久能批下来")]
    [InlineData("居住证办好了以后能去哪里领")]
    [InlineData("尊敬的领导：本公司拟办理营业执照变更，请问流程如何？")]
    public void WantingToLookUpOrHowAServiceGoesIsNotAnOwnCase(string message) => Assert.False(Reader.Read(message).OwnCase);

    [Theory]
    [InlineData("我的公积金能全部提出来吗")]
    [InlineData("我妈的低保每年都要重新审核吗")]
    [InlineData("我家的宅基地申请要哪些部门审核")]
    public void WhetherARuleAllowsSomethingIsNotAnOwnCase(string message) => Assert.False(Reader.Read(message).OwnCase);

    [Theory]
    [InlineData("我交的材料审核了吗")]
    [InlineData("我的低保申请审核得怎么样了")]
    [InlineData("我的退休手续人社局审核完了吗")]
    public void WhetherOnesOwnApplicationWasReviewedIsAnOwnCase(string message) => Assert.True(Reader.Read(message).OwnCase);

    [Fact]
    public void AnotherQuestionAboutOnesOwnCaseDoesNotMakeTheMainQuestionOne()
    {
        var read = Reader.Read("我奶奶想申请居家养老上门服务，要怎么申请？另外她的高龄补贴这个月怎么还没到账？");
        Assert.False(read.OwnCase);
        Assert.Contains("居家养老", read.Questions[0]);
    }

    [Theory]
    [InlineData("我的社保卡激活了吗？另外社保卡怎么查余额")]
    [InlineData("我的护照什么时候能寄到，你帮我看看到哪了")]
    public void AnOwnCaseMainQuestionOrItsOwnFollowOnStaysAnOwnCase(string message) => Assert.True(Reader.Read(message).OwnCase);

    [Fact]
    public void ATitleAsksNothingAndAQuestionDoes()
    {
        Assert.False(Reader.Read("咨询A市住房公积金贷款问题").Asked);
        Assert.True(Reader.Read("公积金贷款能贷多少？").Asked);
        Assert.True(Reader.Read("公积金能贷多少").Asked);
    }

    [Theory]
    [InlineData("")]
    [InlineData("您好，谢谢！")]
    [InlineData("。。。？？？")]
    public void AMessageWithNothingToAskHasAnEmptyCore(string message) => Assert.Equal("", Reader.Read(message).Core);
}
