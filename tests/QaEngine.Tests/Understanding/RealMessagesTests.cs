using GovAssistant.QaEngine.Answering;

namespace GovAssistant.QaEngine.Tests.Understanding;

/// <summary>The engine over the seed bank, asked the way real citizens write (issue 9's cases).</summary>
[Collection(SeedEngineCollection.Name)]
public class RealMessagesTests(SeedEngineFixture seed)
{
    private AnswerResult Ask(string q) => seed.Engine.Ask(q);

    [Fact]
    public void AResidencePermitWithNoNeedNamedIsNotAnsweredWithTheYearlyEndorsement()
    {
        var r = Ask("居住证怎么办");
        Assert.False(r is { Decision: AnswerDecision.Answered, Entry.Id: "JZ-004" }, $"{r.Decision} {r.Entry?.Id}");
    }

    [Fact]
    public void OpeningACompanyIsNotAnsweredWithOpeningACareHome()
    {
        var r = Ask("开公司要什么手续");
        Assert.False(r is { Decision: AnswerDecision.Answered, Entry.Id: "YL-011" }, $"{r.Decision} {r.Entry?.Id}");
    }

    [Fact]
    public void AnIdNumberWithAPassportQuestionIsNotAnsweredAboutTheIdCard()
    {
        var r = Ask("我的身份证号是110101199003071234，护照什么时候到");
        Assert.NotEqual(AnswerDecision.Answered, r.Decision);
        Assert.Equal("ownCase", r.Reason);
    }

    [Theory]
    [InlineData("电动自行车怎么上牌", "JT-004")]
    [InlineData("高中毕业证丢了怎么补", "JX-009")]
    [InlineData("想开一家托儿所需要办什么手续", "YL-011")]
    [InlineData("城乡居民医保住院能报销多少", "SY-005")]
    [InlineData("临时身份证丢了怎么办", "SF-014")]
    // Nearly every question of the entry names a thing (公租房, 居留许可) the message leaves out while naming its own.
    [InlineData("我在这边打工好多年了，一直租房住，办居住证要带什么", "JZ-014")]
    [InlineData("外籍员工的工作许可证在哪申请", "CR-010")]
    // The same object and another need (合户 after 分户, 休学 against 转学), or another thing with the need (老年卡 年审).
    [InlineData("前几年从老汉儿户口本上分出来自己立了户，现在又想合回去一个本本上，得不得行", "HJ-012")]
    [InlineData("女儿这学期查出来中度抑郁，医生建议先在家休养。我们想给她办休学一年，请问义务教育阶段休学要办什么手续，学籍会保留吗？", "JX-005")]
    [InlineData("老年卡每年都要去年审吗", "JT-003")]
    [InlineData("刚在4S店贷款提了车，金融公司让我配合去车管所办抵押登记，这个抵押要怎么办，要带什么", "JT-019")]
    [InlineData("我是中专毕业的，找工作单位要学历认证，学信网上查不到，该去哪认证", "JX-007")]
    // A loan on the house against the release of its mortgage once the loan is repaid (房贷还清了…注销抵押).
    [InlineData("房产证能用来贷款吗", "BD-006")]
    // A bank card is not the social security card whose loss the entry reports (though that card is a bank card too).
    [InlineData("银行卡丢了怎么办", "SB-006")]
    // A disabled serviceman's card is not the disabled person's card.
    [InlineData("残疾军人证丢了怎么补", "CJ-003")]
    // Another kind of business or of the body complained about: a partnership is no limited company, a pharmacy needs
    // no food licence, an estate agent or a driving school is no care home; a student card is no birth
    // certificate, a director no legal representative, the list of serious offenders not that of abnormal operations.
    [InlineData("合伙企业怎么注册", "QY-001")]
    [InlineData("开药店要办什么许可证", "QY-009")]
    [InlineData("中介乱收费投诉", "YL-016")]
    [InlineData("关于K3县驾校乱收费的投诉", "YL-016")]
    [InlineData("孩子的学生证丢了怎么补", "SY-003")]
    [InlineData("公司董事怎么变更", "QY-005")]
    [InlineData("公司被列入严重违法失信名单怎么办", "QY-014")]
    // One kind of leave is not another: marriage leave is no maternity leave, parental leave no paternity leave.
    [InlineData("女职工婚假有多少天", "SY-006")]
    [InlineData("男职工有育儿假吗", "SY-007")]
    // A licence, a number plate, a pension scheme, a loan, a tax refund or an identity card of another kind than the
    // one the entry is about; a need (缓缴) the entry never speaks of.
    [InlineData("药品经营许可证怎么办理", "QY-009")]
    [InlineData("临时号牌怎么办理", "JT-012")]
    [InlineData("职业年金怎么领取", "SB-010")]
    [InlineData("公积金能还车贷吗", "GJ-010")]
    [InlineData("出口退税多久到账", "SW-015")]
    [InlineData("香港居民身份证到期了怎么换", "SF-002")]
    [InlineData("公积金缓缴怎么申请", "GJ-009")]
    [InlineData("申请公租房要开什么收入证明", "BD-020")]
    [InlineData("从业资格证怎么办理", "JX-013")]
    [InlineData("小产权房能办证吗", "BD-017")]
    [InlineData("残疾人停车证怎么办理", "CJ-001")]
    [InlineData("开二手车店要办什么证", "JT-011")]
    // The same thing with a need the entry never speaks of: to pause, refund, pledge, impound, amend.
    [InlineData("公积金提取能暂停吗", "GJ-002")]
    [InlineData("高龄津贴被暂停了怎么办", "YL-019")]
    [InlineData("契税能退吗", "SW-013")]
    [InlineData("房产证能质押给银行吗", "BD-006")]
    [InlineData("驾驶证被扣留期间能开车吗", "JT-002")]
    [InlineData("出生医学证明上的名字能改吗", "SY-002")]
    // A booking that cannot be had is not the service booked: only an entry about booking speaks of it.
    [InlineData("车管所预约不上号怎么办", "JT-004")]
    [InlineData("不动产登记中心预约不上号", "BD-013")]
    // Found by probes written for the purpose: a certificate of another kind (death, no criminal record) against the one
    // for owning no home; a ride-hailing car or a minivan against the private car; a loan extended, a care home closed;
    // an after-school club or a nursing hospital against a care home; a forensic appraisal, a court judgment, a family
    // doctor, the end of the land-use term — none of them spoken of by the entry they resembled.
    [InlineData("死亡证明怎么开", "BD-020")]
    [InlineData("单位要我开无犯罪证明 去哪里开 要带啥子", "BD-020")]
    [InlineData("跑滴滴的车多久年检一次", "JT-005")]
    [InlineData("面包车多久年检一次", "JT-005")]
    [InlineData("创业担保贷款展期", "JY-004")]
    [InlineData("我开的养老院不想办了，怎么办理停业", "YL-002")]
    [InlineData("开一家托管班（小饭桌）要办什么手续", "YL-011")]
    [InlineData("想开一家老年护理院要什么手续", "YL-011")]
    [InlineData("打官司要做伤残鉴定，司法鉴定怎么申请", "SB-013")]
    [InlineData("法院判决生效了对方不执行，怎么申请强制执行", "FL-016")]
    [InlineData("老人有高血压糖尿病，想签个家庭医生，怎么签约", "YB-005")]
    [InlineData("不动产权证上的土地使用年限70年到期了怎么办", "BD-004")]
    // A car's mortgage against a house's; a death at work against an injury; a student's accident insurance against the
    // one the government buys for the old; a recruitment exam against the certificate exam; a company's name against
    // its address; ending an agreement against signing it; looking up past endorsements against getting one.
    [InlineData("贷款买车要办抵押登记 怎么办理", "BD-005")]
    [InlineData("老公在工地上出事故人没了，一次性工亡补助金有多少、怎么领", "SB-013")]
    [InlineData("学生在学校摔伤了，学生意外伤害保险怎么理赔", "YL-013")]
    [InlineData("中小学教师招聘考试在哪报名", "JX-012")]
    [InlineData("公司名字想改一下，营业执照上的名称怎么变更", "QY-004")]
    [InlineData("公积金冲还贷的协议怎么解约", "GJ-010")]
    [InlineData("居住证的签注记录在哪里可以查", "JZ-004")]
    // A shareholder changed is not the legal representative, whose entry only mentions the shareholders' meeting; a
    // certificate registered again every five years is not its first certification; a loan taken at the university is
    // not the one taken at home.
    [InlineData("公司股东变更要什么材料", "QY-005")]
    [InlineData("教师资格证要定期注册，定期注册怎么办理", "JX-013")]
    [InlineData("校园地国家助学贷款怎么申请", "JX-011")]
    // Lost or expired abroad, not in the mainland the entry is about; born abroad, not in a hospital at home.
    [InlineData("回乡证在香港丢了怎么办", "GA-003")]
    [InlineData("台胞证在台湾过期了怎么换", "GA-006")]
    [InlineData("在新加坡生的孩子回国上户口要什么", "HJ-001")]
    [InlineData("在泰国旅游期间急诊住院了，回国后医保能报销吗", "YB-004")]
    // Another card or document in the frame of an entry about the identity card, the driving licence, the number plate
    // or the disabled person's card; another kind of leave, exam, bed or registration; a need no entry speaks of (解挂).
    [InlineData("办健康证可以用自己带的照片吗", "SF-008")]
    [InlineData("游艇驾驶证丢了怎么补办", "JT-002")]
    [InlineData("门牌掉了怎么补办", "JT-012")]
    [InlineData("第一次办母子健康手册需要什么材料", "CJ-001")]
    [InlineData("女职工痛经假有几天嘛", "SY-006")]
    [InlineData("护士资格考试 报名", "JX-012")]
    [InlineData("家庭病床 申请条件", "YL-012")]
    [InlineData("职业病怎么申请诊断认定", "YB-005")]
    [InlineData("刚到外地租房住，养的狗需要去登记吗", "JZ-003")]
    [InlineData("爹妈买车子能把我的公积金取出来帮忙不", "GJ-020")]
    [InlineData("社保卡找到了怎么解挂", "SB-006")]
    // Renting out is a need the parking-space entry never speaks of, in a story too.
    [InlineData("我买了小区的产权车位，想租给小区外面的人，物业说外来车辆不让进。产权车位能租给小区外的人吗？", "BD-017")]
    // The car named before the question, which alone asks of a mortgage: the whole message found the house's entry a
    // near miss, and the question read alone does not answer with it.
    [InlineData("贷款买车，银行要办抵押登记，在哪办", "BD-005")]
    // The electronic licence against the paper one lost; a court's judgment against a mediation agreement.
    [InlineData("电子行驶证怎么申领", "JT-013")]
    [InlineData("法院都判了，对方还是不给钱，怎么申请强制执行", "FL-016")]
    // An adult's passport against the entry for minors (its answer gives a minor's validity).
    [InlineData("成年人的护照有效期几年", "CR-015")]
    // Selling a house on homestead land against registering it; a downgrade against an upgrade; a semi-trailer
    // tractor against a private car.
    [InlineData("宅基地上盖的房子能卖给外村人吗", "BD-012")]
    [InlineData("A2驾照想降级成C1怎么办", "JT-016")]
    [InlineData("半挂牵引车多久年检一次", "JT-005")]
    // A holder who died: cancelling the permit of one who left the city is not what the family asks.
    [InlineData("我爸上个月去世了，他的居住证要去注销吗", "JZ-017")]
    // A licence revoked is a need the deregistration entry never speaks of.
    [InlineData("营业执照被吊销了还能办注销吗", "QY-007")]
    // Things no entry is about: a university diploma against the 户口簿's date of birth, a sole proprietorship against a
    // limited company, a commercial lorry against a private car; lifting a loss report said the other way round.
    [InlineData("大学毕业证上的出生日期印错了，能找学校改吗", "HJ-009")]
    [InlineData("您好，本人拟出资设立一家个人独资企业，请问设立登记需要哪些材料？", "QY-001")]
    [InlineData("营运货车多久年检一次", "JT-005")]
    [InlineData("社保卡前几天挂失了，后来在抽屉里找到了，挂失咋解除", "SB-006")]
    // A contract's arbitration against labour arbitration (仲裁 alone is the labour one only where no other is named).
    [InlineData("我跟装修公司签的合同里约定了仲裁，现在他们拒不返工，合同纠纷的仲裁要去哪里申请？", "JY-008")]
    // Every reading of a story agreeing on an entry lowers the bar, not for a thing the entry never speaks of: a
    // child's school records while abroad against settling abroad; a 门牌 against the 户口簿's other entries.
    [InlineData("明年我要被公司派到德国工作两年，打算带着读小学四年级的女儿一起去，在那边上当地学校。我担心回国后孩子的学籍接不上，请问出国读书期间国内学籍要怎么处理，回来还能插班继续读吗？", "HJ-019")]
    [InlineData("我是村里的我想把我那个户口本上的老宅子地址改成现在新盖的房子门牌号要去哪里改", "HJ-008")]
    // A school asking to become a provider of subsidised training, not a trainee asking for the subsidy.
    [InlineData("贵局好：我校是一家民办职业培训学校，希望成为政府补贴性职业技能培训的定点机构，请问需要具备哪些条件、如何申请？", "JY-005")]
    public void ANearMissIsNotAnsweredWithTheEntryItResembles(string question, string resembles)
    {
        var r = Ask(question);
        Assert.False(r.Decision == AnswerDecision.Answered && r.Entry?.Id == resembles, $"{question} → {r.Decision} {r.Entry?.Id}");
    }

    [Theory]
    [InlineData("我的社保这个月为什么没扣")]
    [InlineData("我交的材料审核到哪一步了")]
    [InlineData("我名下是不是有两套房，你帮我查查")]
    // "怎么查不到了" says one's own record is missing; it does not ask how to look something up.
    [InlineData("我儿子的学籍信息怎么查不到了，是不是被别的学校转走了？")]
    [InlineData("嗯我去年做的那个残疾等级评定结果怎么到现在还没寄到家里")]
    // Was answered with 持证残疾人去世后证件注销 (0.89): a living citizen told how to cancel the papers of the dead.
    [InlineData("我的残疾人补贴怎么停了")]
    [InlineData("我老公的失业金被停了")]
    // Why this month's payment has not come; how a complaint one made has gone.
    [InlineData("高龄津贴这个月怎么没到账")]
    [InlineData("独生子女父母的奖励扶助金今年怎么没打到卡上")]
    [InlineData("我上周举报了一家黑诊所，处理得怎么样了")]
    public void AnOwnCaseQuestionOffersAPersonOrTheLookupChannel(string question)
    {
        var r = Ask(question);
        Assert.Equal(AnswerDecision.NoAnswer, r.Decision);
        Assert.Equal("ownCase", r.Reason);
        Assert.Contains("人工", r.Reply);
        Assert.Contains("12345", r.Reply);
    }

    [Theory]
    [InlineData("补车牌期间能申请临时号牌吗", "JT-012")]
    [InlineData("刚拿到香港身份证怎么第一次办回乡证", "GA-019")]
    [InlineData("货车车贷还完了怎么解押", "JT-019")]
    [InlineData("个税退税多久能到账", "SW-015")]
    [InlineData("驾驶证上的手机号能改吗", "JT-017")]
    [InlineData("公积金贷款要收入证明吗", "GJ-005")]
    [InlineData("盲人开按摩店有补助吗", "CJ-014")]
    // 残疾人 is part of no object's name but 残疾人证's: not a mere kind of thing (卡, 证件) that names no particular one.
    [InlineData("残疾人去世证件交回", "CJ-019")]
    [InlineData("外国人申请永久居留要无犯罪记录证明吗", "CR-011")]
    [InlineData("怎么开无房证明", "BD-020")]
    [InlineData("私家车多久年检一次", "JT-005")]
    [InlineData("非营运车辆年检规定", "JT-005")]
    [InlineData("公司不想办了怎么注销", "QY-006")]
    [InlineData("调解协议对方不履行能申请强制执行吗", "FL-016")]
    // 车辆 is part of one object's name only (营运车辆; 非营运车 reads as the private car): not a mere kind of thing.
    [InlineData("车辆过户手续", "JT-011")]
    [InlineData("职工工亡了，单位不申请工伤认定，家属能自己去申请吗", "SB-012")]
    [InlineData("公司名称怎么自主申报", "QY-003")]
    [InlineData("车贷还完了怎么解除抵押", "JT-019")]
    [InlineData("社保缴费记录在哪里可以查", "SB-016")]
    [InlineData("变更法人要股东会决议吗", "QY-005")]
    // A child grown up (成年了) is the adult the entry's question is about.
    [InlineData("孩子成年了，白天能送到哪里托养", "CJ-018")]
    // An entry about the aftermath of a death answers a message that tells of one.
    [InlineData("老人去世了户口要怎么注销", "HJ-010")]
    [InlineData("参保人去世了，家属怎么领丧葬补助金", "SB-015")]
    [InlineData("生源地助学贷款怎么续贷", "JX-011")]
    [InlineData("回乡证在内地丢了怎么办", "GA-003")]
    [InlineData("在香港把港澳通行证弄丢了怎么回来", "CR-018")]
    [InlineData("港澳通行证在国内丢了怎么补", "CR-018")]
    [InlineData("门牌号变了房产证上的地址要变更吗", "BD-015")]
    [InlineData("身份证照片不满意能重拍吗", "SF-008")]
    [InlineData("退休了怎么提取住房公积金", "GJ-004")]
    [InlineData("对残疾等级评定结果有异议怎么办", "CJ-016")]
    public void AnEntryThatSpeaksOfTheThingNamedStillAnswersIt(string question, string id) => seed.AssertAnsweredWith(question, id);

    [Theory]
    [InlineData("产假有多少天", "SY-006")]
    [InlineData("老婆生孩子男的有几天护理假", "SY-007")]
    [InlineData("休完产假回去上班有哺乳假吗", "SY-016")]
    public void EachKindOfLeaveIsAnsweredByItsOwnEntry(string question, string id) => seed.AssertAnsweredWith(question, id);

    // Written for this test: elderly voice input with spaces for pauses, several aspects asked at the end; the story and
    // the service named decide the entry, the aspects only which part of the answer to show.
    [Fact]
    public void LongVoiceInputEndingInSeveralAspectsIsAnsweredByTheServiceItNames() =>
        seed.AssertAnsweredWith("我儿子 开了个小饭馆 一直没交社保 他那个养老保险 能不能自己交 要去哪里弄啊 一年多少钱", "SB-001");

    [Fact]
    public void ABookingThatCannotBeHadIsAnsweredByTheEntryAboutBooking() => seed.AssertAnsweredWith("结婚登记预约不上怎么办", "HY-011");

    [Fact]
    public void AskingHowToLookUpOnesOwnRecordIsABankQuestion() =>
        Assert.NotEqual("ownCase", Ask("我儿子的学籍号怎么查").Reason);

    [Theory]
    // How to look up one's application, said in dialect; a payment missing this month told before a question the bank
    // answers; an employer's unpaid wage, which is a complaint.
    [InlineData("身份证交上去二十天了还没通知，咋个查它做好没有", "SF-013")]
    [InlineData("退休金这个月没到账，是不是要做认证，手机上怎么弄", "SB-014")]
    [InlineData("公司这个月为什么没发工资", "JY-009")]
    public void AStoryOfOnesOwnCaseBeforeAQuestionTheBankAnswersIsAnswered(string message, string id) => seed.AssertAnsweredWith(message, id);

    [Theory]
    [InlineData("您好，请问身份证丢了怎么补办？谢谢！", "SF-001")]
    [InlineData("咨询A市办理社保卡问题", "SB-008")]
    [InlineData("尊敬的领导：您好！本人上周末不慎遗失驾驶证，现就补办一事咨询：驾驶证丢了要怎么补办？望予答复。", "JT-002")]
    [InlineData("那个我的社保卡丢了咋个补办嘛要带啥子", "SB-006")]
    [InlineData("同志你好我想问一下我那个身份证过期了我腿脚不方便能不能叫人上门来给我办", "SF-018")]
    [InlineData("尊敬的领导：本人持C1驾驶证已满六年，期间无记满分记录，现拟增驾A2。关于申请条件及办理流程，特此咨询，盼复。", "JT-016")]
    [InlineData("您好，本人护照有效期只剩四个月，且签证页已经用完，现准备申请换发，请问需要哪些材料？", "CR-002")]
    [InlineData("上周末去郊外钓鱼，回来后发现放驾驶证的小包不见了，应该是落在河边了，回去找也没找到。我平时每天都要开车上下班，驾驶证丢了要怎么补办？", "JT-002")]
    public void LongPoliteAndSpokenMessagesReachTheirEntry(string question, string id)
    {
        var r = Ask(question);
        // Answered outright, or asked back with the entry among the choices: either way one step away.
        Assert.True(r.Entry?.Id == id || r.Choices.Any(c => c.Id == id), $"{r.Decision} {r.Entry?.Id} [{string.Join(",", r.Choices.Select(c => c.Id))}]");
    }

    [Theory]
    [InlineData("尊敬的车管所领导：本人驾驶证将于下月到期，人在外地工作。关于异地换领驾驶证的手续，特此咨询，盼复。", "JT-010")]
    [InlineData("尊敬的领导：本人在本市连续缴存公积金三年，近期拟购买首套住房。关于申请住房公积金贷款的条件及所需材料，特此咨询，望予答复。", "GJ-005")]
    public void AFormalLetterAskingForTheStepsOrPapersOfAServiceIsAnswered(string letter, string id) => seed.AssertAnsweredWith(letter, id);

    [Theory]
    [InlineData("嗯我想问一下那个我的驾驶证过期了就是上个礼拜过期的要去哪里换啊要带啥", "JT-001")]
    [InlineData("那个我孙子刚生下来嗯那个出生证明要去哪里领啊", "SY-002")]
    [InlineData("嗯那个我想问下那个结婚证丢了就是搬家弄丢的咋个补啊", "HY-005")]
    public void SpokenMessagesWithoutPunctuationAreAnswered(string message, string id) => seed.AssertAnsweredWith(message, id);

    [Fact]
    public void AMessageWithSeveralQuestionsAnswersTheMainOneAndOffersTheOthers()
    {
        var r = Ask("新生儿怎么落户？另外孩子的医保怎么办理参保？");
        Assert.Equal("HJ-001", r.Entry?.Id ?? r.Choices.FirstOrDefault()?.Id);
        Assert.Contains(r.OtherQuestions, c => c.Id == "YB-002");
    }

    [Fact]
    public void ThePlaceNamedIsReportedAsTheRegion() => Assert.Equal("a市", Ask("咨询A市办理社保卡问题").Region);

    [Theory]
    [InlineData("附近有什么好吃的")]
    [InlineData("明天天气怎么样")]
    [InlineData("qwertyuiop")]
    [InlineData("帮我查一下")]
    public void NoAnswerRepliesSpeakToTheCitizenNeverOfTheBank(string question)
    {
        var r = Ask(question);
        Assert.NotEqual(AnswerDecision.Answered, r.Decision);
        if (r.Reply is { } reply) Assert.DoesNotContain("问答库", reply);
    }
}
