using GovAssistant.QaEngine.Answering;
using GovAssistant.QaEngine.Understanding;

namespace GovAssistant.QaEngine.Tests.Understanding;

/// <summary>
/// Some services are only for 港澳台 residents, foreigners, overseas Chinese, servicemen or families from elsewhere
/// (外地户口, 随迁子女) or graduates (毕业, 应届, 报到证), and those citizens say who
/// they are. A question naming no such group is not answered with such an entry; one that names it is.
/// </summary>
[Collection(SeedEngineCollection.Name)]
public class ServicesForAGroupTests(SeedEngineFixture seed)
{
    [Fact]
    public void AnEntryForHongKongAndMacaoResidentsDoesNotAnswerEveryParent()
    {
        var r = seed.Engine.Ask("孩子上小学要什么材料");
        Assert.NotEqual(AnswerDecision.Answered, r.Decision);
        Assert.Contains(r.Choices, c => c.Id == "JX-001");
    }

    [Fact]
    public void AnEntryForChildrenOfMigrantWorkersDoesNotAnswerATitleThatNamesNone()
    {
        // Written for this test: a letter's subject about starting primary school, nothing said of a 外地户口. The entry
        // for children of 外地户口 matches best; the ordinary enrolment entry is offered with it.
        var r = seed.Engine.Ask("小学入学申请资料的咨询");
        Assert.NotEqual(AnswerDecision.Answered, r.Decision);
        Assert.Contains(r.Choices, c => c.Id == "JX-001");
        Assert.Contains(r.Choices, c => c.Id == "JX-004");
    }

    [Fact]
    public void AnEntryForGraduatesDoesNotAnswerAMoveOfHukouThatNamesNone()
    {
        // Written for this test: moving a 户口 to a county town, nothing said of a school or a degree. The entry for a
        // graduate's 户口 left at the university matches best; the citizen is asked, the move across provinces offered.
        var r = seed.Engine.Ask("户口迁移到县城的流程");
        Assert.NotEqual(AnswerDecision.Answered, r.Decision);
        Assert.Equal("identity", r.Reason);
        Assert.Contains(r.Choices, c => c.Id == "HJ-014");
    }

    // Written for this test: a student who left without graduating (没有毕业证, 没拿到毕业证, 还没毕业) is not of the
    // graduates the entry on a graduate's 户口 is for, though the words name 毕业.
    [Theory]
    [InlineData("我大三退学了，没有毕业证，学校集体户口要怎么迁回老家")]
    [InlineData("女儿读研一就退学了，没拿到毕业证，学校集体户的户口怎么迁走")]
    [InlineData("还没毕业，户口在学校集体户里，怎么迁出来")]
    public void OneWhoDidNotGraduateIsNotAnsweredWithTheEntryForGraduates(string question)
    {
        var r = seed.Engine.Ask(question);
        Assert.NotEqual(AnswerDecision.Answered, r.Decision);
        Assert.Contains(r.Choices, c => c.Id == "HJ-016");
        Assert.Equal(0, Identities.GroupsNamedIn(question) & Identities.GroupsMarking("大学毕业后户口放在学校的怎么迁出来"));
    }

    [Fact]
    public void AnEntryAboutEmployeesInsuranceIsNotPutFirstForOneWhoNamesResidentsInsurance()
    {
        // Written for this test: YB-020 (职工医保 years before retiring) names the need and the object, but the citizen
        // names 居民医保, another kind of it; the entry about 居民医保 (YB-001) stays first.
        var r = seed.Engine.Ask("居民医保要交多少年");
        Assert.NotEqual(AnswerDecision.Answered, r.Decision);
        Assert.Equal("YB-001", r.Choices[0].Id);
    }

    // Written for this test. The 港澳台 twin of the entry for everyone (GA-014 beside JZ-005) is as close in words and a
    // little ahead in score; a citizen who names no such group is not asking for it, so it is no rival: the entry for
    // everyone is answered. Named, the group's entry is; a 大学生 asking where their 档案 goes is one of the graduates the
    // 毕业生档案 entry (JY-006) is for, though the message never says 毕业; a 农民工's child is one of the
    // families from elsewhere (a 农民工 alone is not: the wages owed to them are no question of a 外地户口).
    [Theory]
    [InlineData("居住证丢了，补办要多久", "JZ-005")]
    [InlineData("台湾居民居住证弄丢了，补一张要多久", "GA-014")]
    [InlineData("大学生档案放哪里", "JY-006")]
    [InlineData("农民工子女入学需要哪些资料", "JX-004")]
    public void AnEntryForAGroupAnswersWhoNamesItAndIsNoRivalForOthers(string question, string id)
    {
        seed.AssertAnsweredWith(question, id);
    }

    [Fact]
    public void AnEntryForHoldersOfAResidencePermitIsNotAnsweredToEveryParent()
    {
        // Written for this test: "持居住证…上小学" is for families living away from their 户口; a parent who names no
        // 居住证 (nor 外地户口) is offered the ordinary enrolment entry first.
        var r = seed.Engine.Ask("孩子上小学要什么材料");
        Assert.NotEqual(AnswerDecision.Answered, r.Decision);
        Assert.Equal("JX-001", r.Choices[0].Id);
    }

    [Theory]
    [InlineData("毕业后户口从学校迁回老家要怎么办", "HJ-016")]
    [InlineData("报到证取消了档案放哪里", "JY-006")]
    [InlineData("我是澳门居民，孩子在珠海上小学要什么材料", "GA-011")]
    [InlineData("外国人来华工作怎么办居留许可", "CR-010")]
    [InlineData("公司招了个德国工程师，入境后居留证怎么办", "CR-010")]
    public void TheGroupNamedOrImpliedByANationalityIsAnswered(string question, string id)
    {
        seed.AssertAnsweredWith(question, id);
    }
    [Theory]
    // Written for this test: a student abroad whose passport runs out; renewing one at home (全国任一出入境管理机构)
    // is not what is asked of an embassy.
    [InlineData("我在德国读博士，还有两年才毕业，护照今年底就到期了，回国一趟也不现实，人在国外，护照要怎么换发", "CR-002")]
    [InlineData("人在美国读书，护照还有三个月过期，学校附近没有使馆，要怎么换新的", "CR-002")]
    public void ACitizenAbroadIsNotAnsweredWithTheServiceAtHome(string question, string nearest)
    {
        var r = seed.Engine.Ask(question);
        Assert.NotEqual(AnswerDecision.Answered, r.Decision);
        Assert.Contains(r.Candidates, c => c.Id == nearest);
    }

    [Fact]
    public void MovingOnesHukouToHongKongPlacesTheCitizenThere() =>
        // Written for this test: the disabled person's card moved with a 户口 inside the mainland says nothing of a
        // 户口 moved to Hong Kong.
        seed.AssertOfferedFor("户口迁到香港定居以后，这边的残疾人证还能继续用吗？", "object", "CJ-015");

    [Theory]
    [InlineData("我在国外护照丢了怎么办", "CR-003")]
    [InlineData("在国外定居了户口要注销吗", "HJ-019")]
    [InlineData("我在澳洲读完研究生回国了，学位要怎么认证", "JX-008")]
    public void ACitizenAbroadIsAnsweredByTheEntryThatSpeaksOfLifeAbroad(string question, string id)
    {
        seed.AssertAnsweredWith(question, id);
    }

    [Fact]
    public void AHongKongResidentIsNotAnsweredWithADocumentOfMainlandResidents()
    {
        // Written for this test: how a mainland resident applies for the disabled person's card where the 户口 is does
        // not say what a Hong Kong resident living in Shenzhen can do.
        var r = seed.Engine.Ask("本人是香港居民，长年住在深圳，中风后半身不遂，可以在内地申请残疾人证吗");
        Assert.NotEqual(AnswerDecision.Answered, r.Decision);
        Assert.Equal("identity", r.Reason);
        Assert.Contains(r.Choices, c => c.Id == "CJ-001");
    }

    [Fact]
    public void ATaiwanResidentIsNotAnsweredWithAnAidOfMainlandResidents() =>
        // Written for this test: legal aid as the mainland's entries tell it says nothing of a Taiwan resident.
        seed.AssertOfferedFor("本人是台湾居民，在厦门和房东有纠纷，能申请法律援助吗", "identity", "FL-010");

    [Theory]
    // Written for this test: a student from Taiwan or Hong Kong studying here says who they are by being a student of
    // there; the mainland's student loan and graduates' subsidy are offered, not answered.
    [InlineData("我是台湾学生，在大陆上大学，学费有困难，能申请生源地信用助学贷款吗", "JX-011")]
    [InlineData("我是香港学生，在深圳读大学，今年毕业，家里困难，能申请求职创业补贴吗？", "JY-007")]
    public void AStudentFromHongKongOrTaiwanIsNotAnsweredWithAnAidOfMainlandStudents(string question, string nearest) =>
        seed.AssertOfferedNotAnswered(question, nearest);

    [Fact]
    public void ForeignersNamedByTheirCountryAreNotAnsweredWithTheResidenceRegistrationOfCitizens() =>
        // Written for this test: 一对法国夫妻 are foreign nationals though no word says 外国人; how citizens from elsewhere
        // register where they live does not tell a landlord what to do for them.
        seed.AssertOfferedFor("我在成都有套空房子，上个月租给了一对法国夫妻，住半年，我这个房东需要带他们去办什么手续吗？", "identity", "JZ-003");

    // Written for this test: the card's five years running out is not the card lost or damaged, the one entry about it.
    [Fact]
    public void AResidencePermitOfAResidentRunningOutIsNotAnsweredWithTheOneLost()
    {
        seed.AssertOfferedFor("台湾居民居住证到期了去哪换", "need", "GA-014");
        seed.AssertAnsweredWith("港澳台居民居住证丢了怎么补", "GA-014");
    }

    [Fact]
    public void AHongKongResidentIsNotAnsweredWithABenefitOneOfWhoseQuestionsNamesASystemInPassing() =>
        // Written for this test: the childcare subsidy's questions ask whether it is taxed (个税); a Hong Kong family who
        // never speak of tax or insurance are offered the mainland's subsidy, not answered with it.
        seed.AssertOfferedNotAnswered("我们一家是香港居民，孩子在广州出生，国家那个育儿补贴我们也能领吗", "SY-008");

    [Fact]
    public void AResidentAskingForAParentRegisteredHereIsAnsweredAboutTheParentsService() =>
        // Written for this test: the one to live in the home has her 户口 in Xiamen; her child living in Taiwan asks.
        seed.AssertAnsweredWith("我是台湾人，我妈户籍在厦门思明区，中风后生活不能自理，想申请住进公办养老院，要准备什么材料？", "YL-002");

    [Fact]
    public void AHongKongResidentWorkingHereIsAnsweredAboutTheSystemTheyJoined()
    {
        seed.AssertAnsweredWith("我是香港人，在深圳上班交了社保，社保卡丢了怎么补", "SB-006");
    }

    [Fact]
    public void ADivorceWithAForeignSpouseIsNotAnsweredWithTheUsualOne() =>
        // Written for this test: a divorce by agreement with a foreign wife is registered elsewhere than the usual one.
        seed.AssertOfferedNotAnswered("我和外籍妻子在国内登记结婚的，现在双方商量好了要协议离婚，请问到哪里办理", "HY-003");

    [Fact]
    public void AForeignNationalIsAnsweredWithAnEntryThatSpeaksOfForeigners() =>
        seed.AssertAnsweredWith("我是美国人，在上海工作，来华工作的居留许可怎么办", "CR-010");

    [Theory]
    [InlineData("女朋友是英国人，想让她来过年", true)]
    [InlineData("本人配偶系外籍人士", true)]
    [InlineData("我是韩国人", true)]
    [InlineData("我要去日本旅游，第一次办护照要带什么", false)]
    [InlineData("在美国读书的孩子回国", false)]
    [InlineData("我的韩国同事来出差", true)]
    [InlineData("房子租给了一对德国夫妻", true)]
    [InlineData("要办英国学生签证", false)]
    public void AForeignNationalIsNamedNotAForeignCountry(string message, bool named) =>
        Assert.Equal(named, Identities.NamesAForeignNational(message));
}
