using System.Text.RegularExpressions;

namespace GovAssistant.QaEngine.Understanding;

/// <summary>
/// Recognises a question about the citizen's own records or application — "我的社保这个月为什么没扣",
/// "我交的材料审核到哪一步了", "我的护照什么时候能寄到": no bank entry can answer it, only the citizen's records can.
/// </summary>
public static partial class OwnCase
{
    // Said only of one's own case, whoever is named.
    private static readonly string[] StatusAlone =
    [
        "没扣", "没有扣", "少扣", "多扣", "扣错", "漏扣", "审核到哪", "办到哪", "进度到哪", "到哪一步", "到哪步", "哪一笔",
    ];

    // Said of one's own case when the citizen speaks of their own records or application.
    private static readonly string[] StatusWithOwner =
    [
        "为什么", "为啥", "怎么没", "咋没", "咋个没", "怎么还没", "咋还没", "什么时候能到", "什么时候到", "什么时候寄到", "什么时候能寄到", "什么时候能拿到", "进度",
        "审核结果", "审核到", "审核得", "审核了", "审核完", "审核没", "审核通过", "审核中", "在审核", "审批完", "处理完", "不对", "少了",
        "显示", "状态", "成功了", "通过了没", "通过没", "办好了没", "好了没", "了没有", "到账了", "交上了",
        "卡在哪", "是多少", "多少余额", "余额还有", "余额有多少", "帮我查", "帮我看看", "批下来", "是哪天", "能落上", "怎么回事", "咋回事",
        "什么原因", "啥原因", "查不到", "到哪了", "什么时候能下来", "什么时候下来", "什么时候能批", "什么时候能发", "什么时候发",
        "什么时候能办好", "什么时候能拿回", "进展", "剩多少", "交了多少", "交了几年", "缴了多少", "缴了几年", "排到第几", "排到哪",
        "排第几", "怎么被", "咋被", "不发了", "停发了", "停了", "被停", "没发了", "原因是什么",
    ];

    // A look-up asked of the assistant ("帮我查一下", "给我看看").
    [GeneratedRegex("(?:帮我|给我|帮忙|替我)(?:查|看看|看一下|看下|核实)|(?:你们|您)(?:能|可以|能不能|可不可以)(?:帮我)?查", RegexOptions.CultureInvariant)]
    private static partial Regex LookUpForMe();

    // What a government office keeps on record of a citizen (a parcel's tracking is not asked of this desk).
    [GeneratedRegex("社保|医保|公积金|个税|养老|退休金|档案|户口|户籍|居住证|身份证|护照|通行证|签注|驾照|驾驶证|违章|扣分|低保|补贴|津贴|补助|扶助金|奖励金|救助金|抚恤金|房产|不动产|学籍|进度", RegexOptions.CultureInvariant)]
    private static partial Regex Records();

    // Words that ask how a service works, which the bank answers even when put as "帮我查一下…要什么材料".
    [GeneratedRegex("怎么|怎样|如何|咋|什么材料|需要什么|要什么|哪些|流程|条件|在哪|去哪|哪里|多少钱|多久", RegexOptions.CultureInvariant)]
    private static partial Regex HowItWorks();

    // How a service works, asked outright: how it is reckoned, what it takes, how to apply.
    [GeneratedRegex("怎么算|如何计算|怎么计算|怎样计算|(?:什么|哪些|啥)(?:手续|材料|资料|条件)|怎么申请|如何申请|怎样申请|流程", RegexOptions.CultureInvariant)]
    private static partial Regex GeneralAsk();

    /// <summary>
    /// True when the normalised clause asks how a service works: how it is reckoned, what it takes, how to apply; not
    /// when it asks the assistant to look (帮我看看是怎么算的).
    /// </summary>
    public static bool AsksHowItWorks(string clause)
    {
        var text = clause.Replace(" ", "", StringComparison.Ordinal);
        return GeneralAsk().IsMatch(text) && !LookUpForMe().IsMatch(text);
    }

    // "…从来没扣过社保，我该找哪里反映": where to complain of an employer or an office, which the bank answers, whatever
    // the citizen's own case is.
    [GeneratedRegex("(?:找|向|去|到|跟)(?:哪里|哪儿|哪|哪个部门|什么部门|哪些部门|谁)(?:反映|投诉|举报|维权|告)|(?:反映|投诉|举报)(?:到|给)?(?:哪里|哪儿|哪个部门|什么部门)", RegexOptions.CultureInvariant)]
    private static partial Regex WhereToComplain();

    // "一般多久", "通常几天": the usual case, not the citizen's own.
    private static readonly string[] Typically = ["一般", "通常", "正常情况", "一般情况"];

    // How long something takes ("多久能批下来"): the usual case too, unless the citizen says it was applied for already.
    private static readonly string[] HowLong = ["多久", "多长时间"];

    private static readonly string[] HowToLookUp = ["想查", "怎么查", "如何查", "在哪查", "哪里查", "在哪里查", "怎样查", "咋查", "咋个查", "查询方式", "怎么查询"];

    private static readonly string[] Owners =
    [
        "我的", "我家的", "我交的", "我提交的", "我申请的", "我办的", "我报的", "我们的", "本人的", "我爸", "我妈", "我父亲",
        "我母亲", "我老公", "我老婆", "我爱人", "我儿子", "我女儿", "我孩子", "我家孩子", "我单位", "我公司", "我司", "本公司", "本单位", "我名下", "俺的",
        "俺家的", "咱家的",
    ];

    // A relative of the citizen's, in any voice: 我妈, 我家老人, 俺爹, 我屋头老汉.
    [GeneratedRegex("(?:我|俺|咱)(?:家|屋头|们家)?(?:爸|妈|爹|娘|父亲|母亲|老公|老婆|爱人|媳妇|丈夫|妻子|儿子|女儿|孩子|娃|老人|老汉|老伴|爷爷|奶奶|外公|外婆|姥姥|姥爷)" +
        "|老爷子|老太太|老头子|老母亲|老父亲", RegexOptions.CultureInvariant)]
    private static partial Regex Kin();

    // Waiting for something applied for that has not come ("还没到账", "怎么还在审核", "一直没消息"): with the time already
    // waited ("提交了五天了", "半个月了") or an owner it is the citizen's own application, which only its records can tell.
    [GeneratedRegex(
        "(?:还没|还是没|一直没|迟迟没|都没|怎么还不|咋还不|还不|至今未|至今没|尚未|仍未|迄今未|一直未)有?(?:到账|批|审批|发|收到|下来|通知|消息|回复|结果|动静|寄到|办好|处理|放款|退回来)" +
        "|(?:还在|一直在|一直是|仍在|仍是|仍然|依然|仍显示|还显示|一直显示)待?(?:审核|受理|处理|办理|审批)", RegexOptions.CultureInvariant)]
    private static partial Regex NotYet();

    // Something handed in or sent, so that the wait is for an application and not for a person ("失踪七八年了一直没消息").
    [GeneratedRegex("申请|提交|交上|递交|寄|办|报|预约", RegexOptions.CultureInvariant)]
    private static partial Regex AppliedFor();

    // Said already done, as letters say it without naming who ("已申请公租房，至今未收到审核结果"): the writer's own.
    [GeneratedRegex("已经?(?:申请|提交|递交|办理|报名|预约)", RegexOptions.CultureInvariant)]
    private static partial Regex AlreadyApplied();

    // Refused, and asking why: "审核没通过，原因是什么", "为什么被驳回".
    [GeneratedRegex("(?:没通过|未通过|不通过|被驳回|被拒|被退回|被取消)[^ ]{0,8}?(?:原因|为什么|为啥|怎么回事|咋回事|缺什么|缺啥|差什么|差啥)|(?:为什么|为啥)[^ ]{0,8}?(?:被驳回|没通过|未通过|被拒|被退回|被取消)", RegexOptions.CultureInvariant)]
    private static partial Regex Refused();

    // An office, a window or an app told the citizen something about their own record ("社保局说我断缴了", "APP提示我有一笔
    // 收入"), and the citizen disputes it or asks why: only the record can say.
    [GeneratedRegex("(?<!听|据)(?:说|显示|提示|通知)(?:我|本人)(?!们)", RegexOptions.CultureInvariant)]
    private static partial Regex TheyToldMe();

    // What disputes or questions what the citizen was told.
    private static readonly string[] Disputes =
    [
        "可我", "可是我", "但我", "但是我", "我没有", "我从来没", "我从没", "明明", "怎么会", "为什么", "为啥", "怎么回事", "咋回事",
        "什么原因", "哪里不", "还差什么", "到底",
    ];

    // "我的社保卡激活了吗", "我的护照寄出了没": whether something of the citizen's own has happened yet, at the end of the
    // message (compact text). "会停发吗", "能到吗" ask what may happen, not whether it has.
    [GeneratedRegex("(?<![会能停])(?:激活|办好|到账|生效|通过|批下来|寄出|寄出来|成功|交上|交|发|到)了?(?:吗|没|没有)$", RegexOptions.CultureInvariant)]
    private static partial Regex DoneYet();

    // The same at the end of any clause (spaced text), said with 了 or 没 ("…办好了吗，交房那会儿…", "批了没", "结果出来没"):
    // "公积金能提出来吗" asks whether it can be done, not whether it is.
    [GeneratedRegex("(?:激活|办好|到账|生效|通过|批下来|批|出来|下来|寄出|寄出来|成功|交上)(?:了(?:吗|没|没有)|没有?)(?= |$)" +
        "|(?:能|可以)去?(?:拿|领)[^ ]{0,6}?了(?:吗|没)(?= |$)", RegexOptions.CultureInvariant)]
    private static partial Regex DoneYetInAClause();

    // "儿子说可以拿去抵个税是咋回事": what the citizen heard a rule allows, asked about; not what happened to their case.
    [GeneratedRegex("(?:听说|听人说|说是?)(?:可以|能|能够|有)", RegexOptions.CultureInvariant)]
    private static partial Regex HeardOfARule();

    // "咋报不了了", "怎么用不了": why something of the citizen's own no longer works.
    [GeneratedRegex("(?:怎么|咋)[^ ]{0,4}?不了", RegexOptions.CultureInvariant)]
    private static partial Regex NoLongerWorks();

    // When something will come or be done: "啥时候能拿", "什么时候能批下来".
    [GeneratedRegex("(?:什么时候|啥时候|几时|多久)才?(?:能|可以)?(?:拿|领|到|下来|办好|出来|批)", RegexOptions.CultureInvariant)]
    private static partial Regex WhenDone();

    // The time already waited: "五天了", "半个月了", "好几个月了".
    [GeneratedRegex("(?:[0-9一二两三四五六七八九十几半]+|好几)(?:个)?多?(?:天|周|星期|礼拜|月|年|工作日)多?了", RegexOptions.CultureInvariant)]
    private static partial Regex Waited();

    // The time waited since something was handed in, in one clause: "材料交上去十天了", "提交了五天了"; not "分居一年了 … 办离婚".
    [GeneratedRegex("(?:申请|提交|交|递交|寄|办|报|预约)[^ ]{0,10}?(?:[0-9一二两三四五六七八九十几半]+|好几)(?:个)?多?(?:天|周|星期|礼拜|月|年|工作日)多?了", RegexOptions.CultureInvariant)]
    private static partial Regex WaitedSinceHandedIn();

    // Why a payment of this month or this time has not come ("补贴这个月咋没发了", "这次养老金怎么没到账"): of a record an
    // office keeps (a wage an employer owes is a complaint the bank answers), the citizen's own. Said without asking why
    // ("退休金这个月没到账，是不是要做认证") it is the story before a question the bank answers.
    [GeneratedRegex("(?:这个月|本月|上个月|上月|这次|这一次|这期|这一期|今年)[^ ]{0,6}?(?:咋|咋个|怎么|为什么|为啥)还?(?:没|没有)(?:发|到账|到|打过来|打|收到)",
        RegexOptions.CultureInvariant)]
    private static partial Regex NotPaidThisTime();

    // A complaint or report the citizen made, asked after ("我上个月投诉公司欠薪，…处理得怎么样了").
    [GeneratedRegex("我(?:上个月|上月|上周|上礼拜|前几天|前天|昨天|之前|去年|早就|已经)?(?:投诉|举报|反映)(?:了|过)?", RegexOptions.CultureInvariant)]
    private static partial Regex ComplainedBefore();

    // How what was complained of has gone.
    private static readonly string[] HowItWent = ["处理得怎么样", "处理得咋样", "处理得如何", "处理的怎么样", "办得怎么样", "查得怎么样", "处理结果", "有结果了吗", "有没有结果"];

    [GeneratedRegex("我(?:今年|去年|上个月|这个月|本月|上月|前天|昨天|前几天|上周|这次|上次)的", RegexOptions.CultureInvariant)]
    private static partial Regex OwnedWithTime();

    // What the citizen booked, handed in or applied for, with the service between: "我们结婚登记预约的", "我上周提交的",
    // "我交了", "我公积金".
    [GeneratedRegex(
        "我们?[^ ]{0,8}?(?:预约|提交|申请|报名|登记|办理|交|缴|办|报|寄|做)的|我(?:已经)?(?:交|缴|办|申请|提交)了" +
        "|我(?:社保|医保|公积金|养老金|退休金|个税|档案)|(?:上周|上礼拜|上星期|上个月|上月|昨天|前天|前几天|上次|今天|去年)(?:交|递交|提交|申请|办|寄|报)的", RegexOptions.CultureInvariant)]
    private static partial Regex OwnedAction();

    // "能不能少扣点", "可以少扣吗" ask whether a rule allows less (a relief the bank explains), not why one's own
    // deduction was less. (能 also ends 能不能, 可以 also ends 可不可以.)
    private static readonly string[] Relief = ["能", "能否", "可以"];

    // How far before 少扣 the modal may stand ("能不能每个月少扣": 每个月 between).
    private const int ReliefReach = 6;

    private static bool AsksForRelief(string text, string status)
    {
        // "一直没扣过分": a driving record without points lost, not a deduction that did not happen.
        if (status is "没扣" or "没有扣" && text.AsSpan(text.IndexOf(status, StringComparison.Ordinal) + status.Length) is var after
            && (after.StartsWith("分") || after.StartsWith("过分"))) return true;
        if (status is not ("少扣" or "多扣")) return false;
        // "能不能每个月少扣一点": the modal a few characters before still asks for the relief.
        var at = text.IndexOf(status, StringComparison.Ordinal);
        var before = text.AsSpan(Math.Max(0, at - ReliefReach), Math.Min(at, ReliefReach));
        foreach (var r in Relief)
            if (before.Contains(r, StringComparison.Ordinal)) return true;
        return false;
    }

    // "二套房的公积金利息是多少", "起付线是多少": a rate or a standard, which the bank answers, not a figure of one's own.
    [GeneratedRegex("(?:利息|利率|费率|标准|比例|上限|下限|额度|基数|起付线|封顶线|起征点)是多少", RegexOptions.CultureInvariant)]
    private static partial Regex RateAsked();

    // "怎么查" asks how to look something up; "怎么查不到了" says one's own record cannot be found.
    private static bool AsksHowToLookUp(string text, string how)
    {
        for (var at = text.IndexOf(how, StringComparison.Ordinal); at >= 0; at = text.IndexOf(how, at + 1, StringComparison.Ordinal))
        {
            var after = text.AsSpan(at + how.Length);
            if (!after.StartsWith("不到") && !after.StartsWith("不出") && !after.StartsWith("不了")) return true;
        }
        return false;
    }

    /// <summary>True when the normalised clause asks about the citizen's own case.</summary>
    public static bool IsAbout(string clause)
    {
        var text = clause.Replace(" ", "", StringComparison.Ordinal);
        // "办到哪一步了怎么查" asks how to look it up: a general question the bank answers.
        foreach (var h in HowToLookUp) if (AsksHowToLookUp(text, h)) return false;
        if (WhereToComplain().IsMatch(text)) return false;
        foreach (var s in StatusAlone)
            if (text.Contains(s, StringComparison.Ordinal) && !AsksForRelief(text, s)) return true;
        // "你能帮我查一下社保吗": a look-up the citizen asks the assistant for, not how a service works.
        if (LookUpForMe().IsMatch(text) && Records().IsMatch(text) && !HowItWorks().IsMatch(text)) return true;
        var owned = WordLists.AnyIn(text, Owners);
        // "我今年的医保", "我这个月的补贴": a time between 我 and 的 still makes it the citizen's own.
        owned = owned || OwnedWithTime().IsMatch(text) || OwnedAction().IsMatch(text) || Kin().IsMatch(text);
        if (NotYet().IsMatch(text) && (owned || AlreadyApplied().IsMatch(text) || Waited().IsMatch(text) && AppliedFor().IsMatch(text))) return true;
        // "材料交上去十天了，啥时候能拿": the time already waited for something handed in, and when it will come.
        if (WaitedSinceHandedIn().IsMatch(clause) && WhenDone().IsMatch(text)) return true;
        if (Refused().IsMatch(text)) return true;
        if (NotPaidThisTime().IsMatch(text) && Records().IsMatch(text)) return true;
        if (ComplainedBefore().IsMatch(text) && WordLists.AnyIn(text, HowItWent)) return true;
        if (TheyToldMe().IsMatch(text) && WordLists.AnyIn(text, Disputes)) return true;
        if (!owned) return false;
        // "生育津贴一般多久能批下来": how long it usually takes, which the bank answers, whoever's it is.
        if (WordLists.AnyIn(text, Typically)) return false;
        // "我老公…护理补贴怎么申请？要准备哪些材料？多久能批下来": how long it takes, asked before anything was handed in.
        if (WordLists.AnyIn(text, HowLong) && !AlreadyApplied().IsMatch(text) && !Waited().IsMatch(text)) return false;
        if (DoneYet().IsMatch(text) || DoneYetInAClause().IsMatch(clause) || NoLongerWorks().IsMatch(text)) return true;
        foreach (var s in StatusWithOwner)
            if (text.Contains(s, StringComparison.Ordinal) && !(s is "怎么回事" or "咋回事" && HeardOfARule().IsMatch(text)) && !(s is "是多少" && RateAsked().IsMatch(text))) return true;
        return false;
    }
}
