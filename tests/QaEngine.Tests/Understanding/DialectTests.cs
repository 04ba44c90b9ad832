using GovAssistant.QaEngine.Answering;
using GovAssistant.QaEngine.Understanding;

namespace GovAssistant.QaEngine.Tests.Understanding;

/// <summary>
/// Citizens type as they speak: 咋个, 啥子, 娃儿, 扯证, 老汉 (Southwest), 点样, 边度, 唔见咗, 过身 (Cantonese), 么子
/// (Hunan), 哪疙瘩 (Northeast), 中不中 (Henan), 寻勿着, 落脱, 几钞票 (Shanghainese), a trailing 不 for a
/// yes-no question. Such a question reaches the entry a Mandarin one would.
/// </summary>
[Collection(SeedEngineCollection.Name)]
public class DialectTests(SeedEngineFixture seed)
{
    [Theory]
    [InlineData("护照能在成都办不")]
    [InlineData("公积金交了没")]
    [InlineData("身份证点样补办")]
    [InlineData("社保卡喺边度办")]
    [InlineData("居住证啷个办")]
    [InlineData("户口本几耐可以补好")]
    [InlineData("电瓶车上牌要带么子材料")]
    [InlineData("无犯罪证明去哪疙瘩开")]
    [InlineData("网上办中不中")]
    public void DialectQuestionWordsAndATrailingNotAsk(string clause) => Assert.True(Interrogatives.Asks(clause));

    [Theory]
    [InlineData("我不")]
    [InlineData("孩子已经办好了身份证")]
    public void AStatementDoesNotAsk(string clause) => Assert.False(Interrogatives.Asks(clause));

    [Theory]
    [InlineData("娃儿第一次办社保卡去哪儿办嘛", "SB-008")]
    [InlineData("扯证要带啥子", "HY-001")]
    [InlineData("我老汉的养老院对他凶得很，去哪儿告嘛", "YL-016")]
    [InlineData("娃儿的出生证明在哪儿领嘛", "SY-002")]
    [InlineData("身份证唔见咗点样补办", "SF-001")]
    [InlineData("屋企老人过身咗户口点样注销", "HJ-010")]
    [InlineData("侬好，阿拉身份证掉了哪能补", "SF-001")]   // Shanghainese: 侬好 greets, 阿拉 is "I/we"
    [InlineData("小饭馆不开了，执照要去哪销掉", "QY-007")]  // 销掉: 注销 as it is spoken
    [InlineData("房产证找不着了 补一个要去哪里", "BD-003")]  // 找不着 (northern): 找不到, lost
    [InlineData("阿拉身份证寻勿着了，哪能补？", "SF-001")]    // Shanghainese: 寻勿着 can't find, 哪能 how
    [InlineData("身份证落脱了哪能办", "SF-001")]             // 落脱: lost
    [InlineData("侬好，户口本寻勿着了，补一本要几钞票", "HJ-004")] // 几钞票: 多少钱
    [InlineData("社保卡搞脱了咋个补", "SB-006")]              // Southwest: 搞脱 lost
    [InlineData("驾照整没了咋整", "JT-002")]                  // Northeast: 整没 lost
    public void ADialectQuestionIsAnsweredAsItsMandarinTwinWouldBe(string question, string id)
    {
        seed.AssertAnsweredWith(question, id);
    }
}
