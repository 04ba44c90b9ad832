using GovAssistant.QaEngine.Understanding;

namespace GovAssistant.QaEngine.Tests.Understanding;

public class NeedObjectTests
{
    private static readonly ServiceLexicon Lexicon = ServiceLexicon.Default;

    [Fact]
    public void TheLongestWordWinsSoATemporaryIdCardIsNotAnIdCard()
    {
        var temporary = Lexicon.Read("临时身份证怎么办");
        var idCard = Lexicon.Read("身份证怎么办");
        Assert.False(temporary.Objects.IsEmpty);
        Assert.True((temporary.Objects & idCard.Objects).IsEmpty);
    }

    // What the document is needed for (考试用, 过户要用) is not what is asked of it; "补办用什么" still asks for 补办.
    [Theory]
    [InlineData("儿子要办身份证考试用", "考试")]
    [InlineData("结婚证找不到了房子过户要用", "过户")]
    [InlineData("出生证明落户需要用", "落户")]
    public void ANeedNamedAsWhatTheDocumentIsForIsNotAsked(string question, string purpose) =>
        Assert.Equal(0UL, Lexicon.Read(question).Needs & Lexicon.Read(purpose).Needs);

    // "不是个体户", "不想弄有限公司": a thing named only to be set aside is not asked about; "是不是要补办" still asks.
    // "香港身份证丢了，回乡证还在": nor is a thing still at hand beside another of its family.
    [Theory]
    [InlineData("想在深圳开一间有限公司，不是个体户", "个体户", "公司")]
    [InlineData("不想弄有限公司，想办普通合伙企业", "公司", "合伙企业")]
    [InlineData("我的香港身份证在深圳搞丢了 回乡证还在 怎么处理", "回乡证", "香港身份证")]
    [InlineData("食品经营许可证找不着了 咋补 营业执照还在哩", "营业执照", "食品经营许可证")]
    [InlineData("身份证丢了 驾驶证找到了 怎么补", "驾驶证", "身份证")]
    public void AThingDeniedOrStillAtHandBesideAnotherIsNotNamed(string question, string setAside, string named)
    {
        var read = Lexicon.Read(question);
        Assert.True((read.Objects & Lexicon.Read(setAside).Objects).IsEmpty);
        Assert.False((read.Objects & Lexicon.Read(named).Objects).IsEmpty);
    }

    // Passing through (转机, 过境免签) is a thing of its own beside a visa; going abroad (出过境) is not passing through.
    [Theory]
    [InlineData("外国朋友在上海转机要不要签证", true)]
    [InlineData("外国人过境免签能停留几天", true)]
    [InlineData("我从来没出过境，去台湾要办什么证件", false)]
    public void PassingThroughIsNamedApartFromAVisa(string question, bool passingThrough)
    {
        var read = Lexicon.Read(question);
        Assert.Equal(passingThrough, !(read.Objects & Lexicon.Read("转机").Objects).IsEmpty);
        Assert.True((Lexicon.Read("转机").Objects & Lexicon.Read("签证").Objects).IsEmpty);
    }

    // A thing still at hand alone ("房产证还在，要去注销吗") or with more said of it ("还在有效期内") is what is asked about.
    [Theory]
    [InlineData("老房子塌了 房产证还在 要去注销不", "房产证")]
    [InlineData("身份证还在有效期内 能提前换吗", "身份证")]
    public void AThingStillAtHandAloneIsStillNamed(string question, string thing) =>
        Assert.False((Lexicon.Read(question).Objects & Lexicon.Read(thing).Objects).IsEmpty);

    [Fact]
    public void AskingWhetherIsNoDenial() => Assert.NotEqual(0UL, Lexicon.Read("身份证是不是补办").Needs & Lexicon.Read("补办").Needs);

    [Theory]
    [InlineData("补办用什么材料", "补办")]
    [InlineData("过户用多久", "过户")]
    [InlineData("考试用哪个证件", "考试")]
    public void ANeedFollowedByHowItIsDoneIsStillAsked(string question, string need) =>
        Assert.NotEqual(0UL, Lexicon.Read(question).Needs & Lexicon.Read(need).Needs);

    [Theory]
    [InlineData("卡", true)]
    [InlineData("证件", true)]
    [InlineData("社保卡", false)]
    [InlineData("身份证", false)]
    [InlineData("丢了", false)]
    public void APartOfSeveralObjectsNamesOnlyAKindOfThing(string word, bool generic) =>
        Assert.Equal(generic, Lexicon.IsGenericName(word));

    [Theory]
    [InlineData("房贷还清了怎么解押")]
    [InlineData("贷款结清以后")]
    public void ALoanRepaidIsNotALoanAskedFor(string question) =>
        Assert.Equal(0UL, Lexicon.Read(question).Needs & Lexicon.Read("贷款").Needs);

    [Theory]
    [InlineData("电子社保卡", "电子居住证")]
    [InlineData("电子驾照", "电子身份证")]
    public void OneElectronicCardIsNotAnother(string a, string b) =>
        Assert.Equal(ObjectSet.Empty, Lexicon.Read(a).Objects & Lexicon.Read(b).Objects);

    [Fact]
    public void ABarePermitIsTheHongKongAndMacaoOneUnlessTheMessageNamesTaiwan()
    {
        var hongKong = Lexicon.Read("港澳通行证").Objects;
        var taiwan = Lexicon.Read("台湾通行证").Objects;

        Assert.Equal(hongKong, Lexicon.Read("通行证丢了").Objects);
        Assert.Equal(taiwan, Lexicon.Read("去台湾的通行证丢了").Objects);
        // Another kind of thing named beside it leaves it the usual one.
        Assert.Equal(hongKong | Lexicon.Read("身份证").Objects, Lexicon.Read("身份证和通行证都丢了").Objects);
        // A clause of a message, read in the light of the whole message.
        Assert.Equal(taiwan, Lexicon.Read("通行证还没过期 签注怎么再办", "去年去台湾旅游办的签注已经用过了 通行证还没过期 签注怎么再办").Objects);
    }

    [Theory]
    [InlineData("身份证丢了", "身份证补办")]
    [InlineData("护照过期了", "护照到期换发")]
    [InlineData("公积金取出来", "提取公积金")]
    [InlineData("到了年龄养老金怎么领", "养老金领取")]
    [InlineData("退休了每个月能领多少钱", "领取退休金")]
    [InlineData("个体户买医保", "灵活就业人员怎么参保")]
    [InlineData("生孩子的钱医保给报不报", "生育费用报销")]
    [InlineData("公积金退休了能全取吗", "退休提取公积金")]
    [InlineData("驾照快过期了", "驾驶证换证")]
    [InlineData("驾照每年都要年审吗", "驾驶证审验")]
    [InlineData("二手车转移登记要什么材料", "二手车过户")]
    [InlineData("车贷还完了，绿本上的抵押怎么解", "车辆解除抵押")]
    [InlineData("养老院的护工对老人很凶，找哪个部门告他们", "养老院虐待老人去哪投诉")]
    [InlineData("约好的结婚登记能改期吗", "结婚登记预约时间怎么变更")]
    [InlineData("外籍员工必须参加社会保险吗", "外国人在中国工作要交社保吗")]
    [InlineData("士官退役后政府给安排工作吗", "退役军人就业安置去哪申请")]
    [InlineData("残联借的轮椅不用了要归还吗", "辅助器具用完要交回吗")]
    // A card that no longer reads, bends or got soaked is damaged: it is replaced like a worn one.
    [InlineData("社保卡芯片读不出来了", "社保卡坏了怎么换")]
    [InlineData("居住证泡水以后弯了", "居住证损坏换领")]
    [InlineData("驾驶证用久了字都看不清了", "驾照破损了怎么换证")]
    [InlineData("身份证搞丢在出租车上", "身份证补办")]
    [InlineData("嫌名字土想换个名", "成年人改名字")]
    [InlineData("养老保险跨省转续", "养老保险关系转移")]
    [InlineData("公积金余额在哪能查", "公积金怎么查询")]
    [InlineData("店不开了，执照怎么关掉", "营业执照注销")]
    [InlineData("养老院只能关门了", "养老机构注销")]
    [InlineData("临时的能不能续", "有效期延长")]
    [InlineData("这个托管班我们不办了", "注销登记")]
    [InlineData("房贷还清了", "还款")]
    [InlineData("车贷还完了", "还贷")]
    [InlineData("社保卡密码输错被锁住了", "忘记密码怎么重置")]
    [InlineData("个通行证烂咗，点样换过张新", "换领")]
    public void DifferentWordsForOneNeedAgree(string a, string b) =>
        Assert.True((Lexicon.Read(a).Needs & Lexicon.Read(b).Needs) != 0);

    [Theory]
    [InlineData("户口怎么报")]
    [InlineData("成人高考怎么报名")]
    [InlineData("被人打伤了怎么报案")]
    public void ReportingOrSigningUpIsNotClaimingExpenses(string question) =>
        Assert.True((Lexicon.Read(question).Needs & Lexicon.Read("医保报销").Needs) == 0);

    [Theory]
    [InlineData("按月冲还贷签了以后能取消吗")]
    [InlineData("预约了可以取消吗")]
    public void CancellingIsNotWithdrawing(string question)
    {
        // 能取 and 可以取 are words of 提取 (公积金能取吗); inside 能取消 they are not.
        var needs = Lexicon.Read(question).Needs;
        Assert.Equal(0UL, needs & Lexicon.Read("提取公积金").Needs);
        Assert.NotEqual(0UL, needs & Lexicon.Read("撤回申请").Needs);
    }

    [Theory]
    [InlineData("车贷办下来了，车辆怎么办抵押登记", "车贷还完了怎么解除抵押")]
    [InlineData("想把户口合回父母的户口本", "想从父母户口本上分出来单独立户")]
    [InlineData("孩子想休学一年", "孩子中途转学怎么办理")]
    [InlineData("孩子病好了想回学校复学", "孩子想休学一年")]
    [InlineData("灵活就业人员医保要交多少年", "灵活就业人员交社保有补贴吗")]
    [InlineData("养老保险交不够十五年怎么办", "养老保险怎么交")]
    // Setting a password again after forgetting it is not getting the card.
    [InlineData("社保卡密码忘了怎么重新设置", "电子社保卡怎么领取")]
    public void OppositeOrNeighbouringNeedsOfOneThingAreDifferentNeeds(string a, string b)
    {
        var (first, second) = (Lexicon.Read(a).Needs, Lexicon.Read(b).Needs);
        Assert.NotEqual(0UL, first);
        Assert.NotEqual(0UL, second);
        Assert.Equal(0UL, first & second);
    }

    [Theory]
    [InlineData("身份证补一个要多久", "身份证补办")]
    [InlineData("孩子上一年级怎么报名", "孩子上小学怎么报名")]
    [InlineData("房本补一本要多久", "房本补办要多久")]
    public void LexiconWordsWithANumeralAreReadInTheNormalisedText(string a, string b)
    {
        // The engine reads normalised text, where 一 is 1 (补1个, 1年级): the lexicon's words are normalised alike.
        var (first, second) = (Lexicon.Read(Text.TextNormalizer.Default.Normalize(a)), Lexicon.Read(Text.TextNormalizer.Default.Normalize(b)));
        Assert.NotEqual(default, first);
        Assert.Equal(second, first);
    }

    [Fact]
    public void AnElderCardIsAThingOfItsOwn()
    {
        var elder = Lexicon.Read("老年卡每年都要年审吗").Objects;
        Assert.NotEqual(ObjectSet.Empty, elder);
        Assert.Equal(ObjectSet.Empty, elder & Lexicon.Read("驾驶证每年都要年审吗").Objects);
    }

    [Fact]
    public void RestoringNationalityIsAThingOfItsOwn()
    {
        // Not the 户口 of someone who settled abroad, which the words 加入外国国籍 bring near.
        var restoring = Lexicon.Read("已加入外国国籍者能否申请恢复中国国籍").Objects;
        Assert.NotEqual(ObjectSet.Empty, restoring);
        Assert.Equal(ObjectSet.Empty, restoring & Lexicon.Read("定居国外后户口怎么处理").Objects);
    }

    [Fact]
    public void DrawingAPensionIsNotPayingIntoIt() =>
        Assert.True((Lexicon.Read("居民养老保险到了60岁怎么领钱").Needs & Lexicon.Read("城乡居民养老保险怎么交").Needs) == 0);

    [Theory]
    [InlineData("电动车上牌", "新车上牌")]
    [InlineData("开养老院", "开公司")]
    [InlineData("高中毕业证", "大学毕业证")]
    [InlineData("中专学历认证", "大学学历认证")]
    [InlineData("外国人怎么办理居留", "外国人申请永久居留")]
    [InlineData("户口本上的籍贯写错了", "户口本上的出生日期写错了")]
    [InlineData("营业执照加一项经营范围", "营业执照地址变更")]
    [InlineData("留学生入境后申请学习类居留许可", "外国人来华工作怎么办居留许可")]
    [InlineData("拿了优才要办什么签注", "去香港探亲签注怎么办")]
    [InlineData("合同纠纷约定了仲裁条款", "被公司辞退申请劳动仲裁")]
    public void ObjectsOfOneFamilyAreAlternatives(string a, string b)
    {
        var x = Lexicon.Read(a).Objects;
        var y = Lexicon.Read(b).Objects;
        Assert.Contains(Lexicon.Families, f => !(x & f).IsEmpty && !(y & f).IsEmpty && (x & y & f).IsEmpty);
    }

    [Theory]
    [InlineData("个体户买医保", "医保")]
    [InlineData("辞职了能取公积金吗", "公积金")]
    [InlineData("在杭州上班想考驾照", "驾驶证")]
    [InlineData("我妈领退休金八年了", "养老保险")]
    public void AnObjectInsideANeedsWordIsNamedToo(string question, string objectAlone)
    {
        var read = Lexicon.Read(question);
        Assert.NotEqual(0UL, read.Needs);
        Assert.False((read.Objects & Lexicon.Read(objectAlone).Objects).IsEmpty);
    }

    [Fact]
    public void AnObjectRunningPastTheEndOfANeedsWordIsNotNamed() =>
        // 换领|证件: 领证 (结婚证) starts inside the need's word and ends outside it.
        Assert.True((Lexicon.Read("身份证到期了换领证件").Objects & Lexicon.Read("领证").Objects).IsEmpty);

    [Theory]
    [InlineData("户口名簿", "户口本")]
    [InlineData("身分证", "身份证")]
    [InlineData("回乡卡", "回乡证")]
    [InlineData("失业补助金", "失业保险金")]
    [InlineData("公基金", "公积金")]
    [InlineData("休旅车", "汽车")]
    [InlineData("卖烟的那个证", "烟草专卖许可证")]
    [InlineData("学习类的居留许可", "学习类居留许可")]
    public void OlderRegionalAndPolicyNamesOfAThingAreThatObject(string a, string b)
    {
        Assert.NotEqual(ObjectSet.Empty, Lexicon.Read(a).Objects);
        Assert.Equal(Lexicon.Read(a).Objects, Lexicon.Read(b).Objects);
    }

    [Theory]
    [InlineData("外国人工作许可证怎么办", "外国人居留许可怎么办")]
    [InlineData("公租房怎么申请", "居住证怎么申请")]
    public void AWorkPermitAndPublicRentalHousingAreThingsOfTheirOwn(string a, string b)
    {
        var x = Lexicon.Read(a).Objects;
        Assert.NotEqual(ObjectSet.Empty, x);
        Assert.True((x & Lexicon.Read(b).Objects).IsEmpty);
    }

    [Fact]
    public void MakingAnotherOneIsAReplacementWhileDoingItAgainIsNot()
    {
        var replacement = Lexicon.Read("补办").Needs;
        Assert.Equal(replacement, Lexicon.Read(Text.TextNormalizer.Default.Normalize("我们该去哪重新办一个")).Needs);
        Assert.Equal(replacement, Lexicon.Read(Text.TextNormalizer.Default.Normalize("能再办一张吗")).Needs);
        // After a move or a change of name, doing it again is another need than a lost document's.
        Assert.Equal(0UL, Lexicon.Read("残疾证要不要重新办").Needs & replacement);
    }

    [Theory]
    [InlineData("诊所怎么申请成为医保定点")]
    [InlineData("培训学校如何纳入定点")]
    [InlineData("快餐店有意承接老年助餐服务")]
    [InlineData("请问如何当人民调解员")]
    public void BecomingAProviderIsANeedOfItsOwn(string question)
    {
        var needs = Lexicon.Read(question).Needs;
        Assert.NotEqual(0UL, needs);
        Assert.Equal(needs, Lexicon.Read("申请成为").Needs);
        Assert.Equal(0UL, needs & Lexicon.Read("在定点药店买药能报销吗").Needs);
    }

    // No entry speaks of points taken off a licence by studying: a need of its own, not the 满分学习 of 12 points.
    [Fact]
    public void PointsTakenOffByStudyingAreANeedOfTheirOwn()
    {
        var needs = Lexicon.Read("扣了3分 听说网上学法可以减分").Needs;
        Assert.NotEqual(0UL, needs);
        Assert.Equal(0UL, needs & Lexicon.Read("驾驶证记满12分了怎么办").Needs);
    }

    // No entry speaks of a nursing room: a thing of its own, which the entry about nursing time does not answer.
    [Fact]
    public void ANursingRoomIsAThingOfItsOwn()
    {
        var room = Lexicon.Read("单位必须设置哺乳室吗").Objects;
        Assert.False(room.IsEmpty);
        Assert.Equal(room, Lexicon.Read("母婴室").Objects);
        Assert.True((room & Lexicon.Read("哺乳期上班每天有喂奶时间吗").Objects).IsEmpty);
    }

    [Fact]
    public void ALexiconLineNamesItsKindFamilyAndWords()
    {
        var lexicon = ServiceLexicon.Load(["# comment", "need 补办 补办 丢了", "object 车/机动车 汽车", "object 车/电动车 电动车", "nonsense line"]);
        Assert.Single(lexicon.Families);
        Assert.NotEqual(0UL, lexicon.Read("汽车丢了").Needs);
        Assert.Equal(0UL, lexicon.Read("汽车").Needs);
    }
}
