using GovAssistant.QaEngine.Answering;
using GovAssistant.QaEngine.Understanding;

namespace GovAssistant.QaEngine.Tests.Understanding;

/// <summary>
/// Voice input and pinyin typing write a service's name with a character of the same sound (居住正, 护找, 回香证).
/// The reader repairs those names, and nothing that is already a word or only sounds like one across a word boundary.
/// </summary>
[Collection(SeedEngineCollection.Name)]
public class HomophonesTests(SeedEngineFixture seed)
{
    private static readonly Homophones Repairer = Homophones.Default;

    [Theory]
    [InlineData("那个我的居住正丢了咋补", "那个我的居住证丢了咋补")]
    [InlineData("要办那个护找要带些啥", "要办那个护照要带些啥")]
    [InlineData("港奥通行证在哪里办", "港澳通行证在哪里办")]
    [InlineData("我那个回香证下个月到期", "我那个回乡证下个月到期")]
    [InlineData("我的驾使证丢了咋补", "我的驾驶证丢了咋补")]
    [InlineData("医宝卡丢了怎么补", "医保卡丢了怎么补")]
    [InlineData("生育经贴怎么领", "生育津贴怎么领")]
    [InlineData("护造丢了怎么补", "护照丢了怎么补")]
    [InlineData("港澳通行证签租怎么办", "港澳通行证签注怎么办")]
    // Two characters of a three-character name, each of the same sound: 台包正 is 台胞证.
    [InlineData("那个台包正过期了要换新的", "那个台胞证过期了要换新的")]
    [InlineData("身份正丢了咋办", "身份证丢了咋办")]       // 身份证 is one slip away, 身分证 (the same sound) two: the nearer was meant
    // Misspellings the synonyms list under the name they spell, which jieba would cut into other words (公|基金).
    [InlineData("那个公基金的余额要在哪里查", "那个公积金的余额要在哪里查")]
    [InlineData("我家户口薄找不着了", "我家户口本找不着了")]
    [InlineData("高龄进每个月有多少", "高龄金每个月有多少")]     // 高龄金 names the 高龄津贴
    [InlineData("公正书要去哪里办", "公证书要去哪里办")]         // 公正 is a word, so the spelling 公正书 is listed
    public void AServiceNameWrittenWithASameSoundingCharacterIsRepaired(string heard, string meant) =>
        Assert.Equal(meant, Repairer.Repair(heard));

    [Theory]
    [InlineData("我办过护照")]           // 过护 sounds like 过户, but 护 belongs to 护照
    [InlineData("开发商一直不办证")]      // 不办 sounds like 补办: a negation is no slip
    [InlineData("咨询户口迁移政策")]      // 迁移政 sounds like 迁移证, but 政 belongs to 政策
    [InlineData("网站上拍下了一套住房")]  // 上拍 sounds like 上牌, but 拍 makes 拍下 with the next character
    [InlineData("j11市独生子女拆迁奖励")] // 市独 sounds like 失独, but it would cut 独生子女 in two
    [InlineData("充电宝多少钱")]
    [InlineData("明星是怎么杨保养皮肤的")]
    [InlineData("婚前买房只写了男方名字")]    // 只 sounds like 子 (买房子) to a southern ear, but it is a function character
    [InlineData("手指头干活磨得没有纹了")]    // 磨得 sounds like 莫得, a dialect word for 没有, not a name of anything
    [InlineData("我是湖口本地人")]            // 湖口本 sounds like 户口本, but 湖口 is a word and 本 makes 本地 with the next character
    public void WordsAndRunsAcrossWordBoundariesAreLeftAlone(string text) =>
        Assert.Equal(text, Repairer.Repair(text));

    [Fact]
    public void TextWithoutSlipsIsReturnedAsItIs()
    {
        const string text = "居住证到期了怎么续签";
        Assert.Same(text, Repairer.Repair(text));
    }

    [Theory]
    [InlineData("我那个回香证快到期了人在深圳能不能在这边换", "GA-004")]
    [InlineData("护找过期了咋个换", "CR-002")]
    [InlineData("驾使证到期了在外地能换不", "JT-010")]
    [InlineData("营业执找丢了咋个补", "QY-011")]
    [InlineData("嗯那个公基金的余额要在哪里查啊", "GJ-014")]
    [InlineData("我退秀了，公积金怎么全部取出来", "GJ-004")]   // 退秀: 退休 as voice input writes it
    [InlineData("营业只照搞不见了要去哪补", "QY-011")]           // 只 is never taken for a slip (它只…), so the spelling is listed
    [InlineData("行使证掉了要去哪里补", "JT-013")]             // 行使证: the commonest slip for 行驶证, though 行使 is a word
    [InlineData("嗯我是台湾人在厦门住了好多年了那个台包正过期了就是要换新的是在这边换还是要回台湾", "GA-006")]
    public void ARepairedQuestionIsAnsweredAsTheServiceMeant(string heard, string id)
    {
        seed.AssertAnsweredWith(heard, id);
    }
}
