using GovAssistant.QaEngine.Privacy;

namespace GovAssistant.QaEngine.Tests.Privacy;

public class PiiMaskerTests
{
    [Theory]
    [InlineData("我的身份证号是11010519491231002X，丢了", "我的身份证号是110105********002X，丢了")]
    [InlineData("身份证11010519491231002x", "身份证110105********002x")]
    [InlineData("110101199003077731", "110101********7731")]
    [InlineData("证件号：440304198506123412。", "证件号：440304********3412。")]
    [InlineData("闰日出生11010120000229123X", "闰日出生110101********123X")]
    [InlineData("老身份证110105491231002", "老身份证110105*****1002")]
    [InlineData("全角１１０１０５１９４９１２３１００２Ｘ", "全角110105********002X")]
    public void ValidIdCardNumbersAreMasked(string text, string expected) => Assert.Equal(expected, PiiMasker.Mask(text));

    [Theory]
    [InlineData("110105194912310021")]   // wrong check digit (X expected)
    [InlineData("11010519491331002X")]   // month 13
    [InlineData("11010519490230002X")]   // 30 February
    [InlineData("99010519491231002X")]   // no province 99
    [InlineData("110105491331002")]      // legacy form, month 13
    [InlineData("1101051949123100211")]  // 19 digits: not an ID
    public void InvalidIdCardNumbersAreNotMaskedAsIds(string text) =>
        Assert.DoesNotContain(PiiMasker.Find(text), m => m.Kind == PiiKind.IdCard);

    [Theory]
    [InlineData("电话13812345678", "电话138****5678")]
    [InlineData("+86 138 1234 5678", "+86 138 **** 5678")]
    [InlineData("请拨打+86-139-1234-5678找我", "请拨打+86-139-****-5678找我")]
    [InlineData("8615912345678", "86159****5678")]
    [InlineData("手机：１３８１２３４５６７８", "手机：138****5678")]
    [InlineData("19912345678和17712345678", "199****5678和177****5678")]
    public void MobileNumbersAreMasked(string text, string expected) => Assert.Equal(expected, PiiMasker.Mask(text));

    [Theory]
    [InlineData("12812345678")]    // 12x is not a mobile prefix
    [InlineData("1381234567")]     // ten digits
    [InlineData("138123456789")]   // twelve digits
    [InlineData("订单号A13812345678")]
    public void NumbersOutsideTheMobilePlanStay(string text) => Assert.Equal(text, PiiMasker.Mask(text));

    [Theory]
    [InlineData("办公电话010-65521234", "办公电话010-****1234")]
    [InlineData("0571-8888 1234", "0571-**** 1234")]
    [InlineData("(021)62345678转123", "(021)****5678转123")]
    [InlineData("区号0755 2345678", "区号0755 ***5678")]
    public void LandlinesAreMasked(string text, string expected) => Assert.Equal(expected, PiiMasker.Mask(text));

    [Theory]
    [InlineData("卡号6222021234567890128", "卡号622202*********0128")]
    [InlineData("6222 0212 3456 7890 128", "6222 02** **** ***0 128")]
    [InlineData("6228-4800-1234-5678-903", "6228-48**-****-***8-903")]
    [InlineData("信用卡4559520012345678", "信用卡455952******5678")]
    public void BankCardsPassingLuhnAreMasked(string text, string expected) => Assert.Equal(expected, PiiMasker.Mask(text));

    [Theory]
    [InlineData("卡号6222021234567890123", "卡号622202*********0123")]   // UnionPay, Luhn fails (a typo is still a card)
    [InlineData("6222021234567890127", "622202*********0127")]
    [InlineData("4559 5200 1234 5679", "4559 52** **** 5679")]          // Visa, Luhn fails
    [InlineData("5123456789012345", "512345******2345")]                 // Mastercard, Luhn fails
    [InlineData("3566002020360506", "356600******0506")]                 // JCB
    public void CardNumbersWithANetworkPrefixAreMaskedEvenWhenLuhnFails(string text, string expected) =>
        Assert.Equal(expected, PiiMasker.Mask(text));

    [Theory]
    [InlineData("0000000000000000")]          // leading zero
    [InlineData("1234567890123457")]          // no card network starts with 1, Luhn fails
    [InlineData("9876543210987654321")]       // nor with 9
    public void CardLengthNumbersWithoutAPrefixOrLuhnStay(string text) => Assert.Equal(text, PiiMasker.Mask(text));

    [Theory]
    [InlineData("统一社会信用代码91350100M000100Y43", "统一社会信用代码913501********0Y43")]
    [InlineData("91440300ma5d1234x7", "914403********34X7")]
    [InlineData("事业单位12100000400010398P", "事业单位121000********398P")]
    public void CreditCodesWithTheirCheckCharacterAreMasked(string text, string expected) => Assert.Equal(expected, PiiMasker.Mask(text));

    [Theory]
    [InlineData("91350100M000100Y44")]   // wrong check character
    [InlineData("91350100M000100I43")]   // I is not in the alphabet
    [InlineData("ABCDEFGHJKLMNPQRTU")]   // letters only
    public void CreditCodeLookAlikesStay(string text) => Assert.Equal(text, PiiMasker.Mask(text));

    [Theory]
    [InlineData("邮箱zhangsan@example.com", "邮箱z***@example.com")]
    [InlineData("发到 li.si+gov@mail.sz.gov.cn 谢谢", "发到 l***@mail.sz.gov.cn 谢谢")]
    [InlineData("ｗａｎｇ＠ｑｑ．ｃｏｍ", "w***@qq.com")]
    public void EmailAddressesAreMasked(string text, string expected) => Assert.Equal(expected, PiiMasker.Mask(text));

    [Theory]
    [InlineData("车牌京A12345违章", "车牌京A***45违章")]
    [InlineData("粤B·D12345", "粤B·****45")]
    [InlineData("沪AD12345新能源", "沪A****45新能源")]
    [InlineData("苏E12345F", "苏E****5F")]
    [InlineData("鲁a1b234", "鲁a***34")]
    public void LicencePlatesAreMasked(string text, string expected) => Assert.Equal(expected, PiiMasker.Mask(text));

    [Theory]
    [InlineData("新ABCDEF")]          // a serial needs digits
    [InlineData("京AB12")]            // too short
    public void PlateLookAlikesStay(string text) => Assert.Equal(text, PiiMasker.Mask(text));

    [Theory]
    [InlineData("社保补缴金额12345678元")]
    [InlineData("2024年1月1日起施行，20240101生效")]
    [InlineData("5个工作日内办结，收费20元")]
    [InlineData("办理时限15个工作日，咨询12345")]
    [InlineData("居住证有效期1年，需要连续居住6个月以上")]
    [InlineData("文号国办发〔2019〕23号")]
    [InlineData("单笔限额500000.00元，共123456789012345679个")]   // 18 digits failing every check
    public void OrdinaryNumbersStay(string text) => Assert.Equal(text, PiiMasker.Mask(text));

    [Fact]
    public void EveryIdentifierInOneQuestionIsMaskedAndTheWordsAroundThemStay()
    {
        var text = "我叫张三，身份证11010519491231002X，手机13812345678，卡号6222021234567890128，车牌京A12345，想问社保怎么转移";
        var masked = PiiMasker.Mask(text);

        Assert.Equal("我叫张三，身份证110105********002X，手机138****5678，卡号622202*********0128，车牌京A***45，想问社保怎么转移", masked);
        Assert.Equal(
            [PiiKind.IdCard, PiiKind.Mobile, PiiKind.BankCard, PiiKind.LicencePlate],
            PiiMasker.Find(text).Select(m => m.Kind));
    }

    [Fact]
    public void MaskingIsIdempotent()
    {
        var once = PiiMasker.Mask("13812345678 11010519491231002X zhangsan@example.com");
        Assert.Equal(once, PiiMasker.Mask(once));
    }

    [Theory]
    [InlineData(null, "")]
    [InlineData("", "")]
    [InlineData("居住证怎么办理？", "居住证怎么办理？")]
    public void TextWithoutIdentifiersIsUnchanged(string? text, string expected) => Assert.Equal(expected, PiiMasker.Mask(text));
}
